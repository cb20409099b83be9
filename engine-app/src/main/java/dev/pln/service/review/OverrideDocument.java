package dev.pln.service.review;

import java.time.Instant;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A caseworker's level for one decision, beside the rules' level. A level with fewer services than the
 * rules gave stays PENDING until a second person confirms it; only EFFECTIVE overrides change the level.
 */
@Document(OverrideDocument.COLLECTION)
record OverrideDocument(@Id String id, String decisionId, String clientId, int rulesLevel, int level,
        String decidingRuleId, String assessedBy, OverrideReason reasonCode, String reason, String by,
        Instant proposedAt, Status status, String confirmedBy, Instant effectiveAt) {

    static final String COLLECTION = "overrides";

    /** PENDING waits for a second person; EFFECTIVE replaces the rules' level. */
    enum Status {
        PENDING, EFFECTIVE
    }

    OverrideDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(status, "status");
        if (status == Status.EFFECTIVE && effectiveAt == null) {
            throw new IllegalArgumentException("an effective override records when it took effect");
        }
        // The compact constructor sees the parameters, not yet the fields: compare the parameters.
        if (level < rulesLevel && status == Status.EFFECTIVE && (confirmedBy == null || confirmedBy.equals(by))) {
            throw new IllegalArgumentException("a lower level needs a second person's confirmation");
        }
    }

    /** A new override: effective at once unless it moves the client to fewer services. */
    static OverrideDocument proposed(String id, String decisionId, String clientId, int rulesLevel, int level,
            String decidingRuleId, String assessedBy, OverrideReason reasonCode, String reason, String by,
            Instant at) {
        boolean needsConfirmation = level < rulesLevel;
        return new OverrideDocument(id, decisionId, clientId, rulesLevel, level, decidingRuleId, assessedBy,
                reasonCode, reason, by, at, needsConfirmation ? Status.PENDING : Status.EFFECTIVE, null,
                needsConfirmation ? null : at);
    }

    /** Moving to a lower level number gives the client fewer services. */
    boolean lowers() {
        return level < rulesLevel;
    }

    OverrideDocument confirmed(String confirmer, Instant at) {
        return new OverrideDocument(id, decisionId, clientId, rulesLevel, level, decidingRuleId, assessedBy,
                reasonCode, reason, by, proposedAt, Status.EFFECTIVE, confirmer, at);
    }
}
