package dev.pln.service.client;

import dev.pln.service.decision.DecisionView;
import dev.pln.service.engine.DecisionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A client as {@code GET /api/v1/clients/{clientId}} shows it: latest facts, current decision and history. */
record ClientView(String clientId, DecisionStatus status, Integer level, Map<String, Object> facts,
        DecisionView currentDecision, List<ClientDocument.HistoryEntry> history, Instant createdAt,
        Instant updatedAt) {
}
