package dev.pln.service.client;

import dev.pln.service.engine.DecisionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One client: the facts of the latest assessment, the decision currently in force, and every decision made
 * for the client (newest last as stored). Changed only by {@link ClientRecords} when a decision is made.
 */
@Document(ClientDocument.COLLECTION)
record ClientDocument(@Id String id, Map<String, Object> facts, String currentDecisionId, DecisionStatus status,
        Integer level, Instant currentDecidedAt, Instant createdAt, Instant updatedAt, Long version,
        List<HistoryEntry> history) {

    static final String COLLECTION = "clients";

    /** One decision in the client's history. */
    record HistoryEntry(String decisionId, Instant decidedAt, DecisionStatus status, Integer level,
            String rulesetVersion) {
    }
}
