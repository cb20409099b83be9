package dev.pln.service.decision;

import dev.pln.service.engine.DecisionStatus;
import java.time.Instant;
import java.util.Map;

/**
 * Published after a decision is stored (and again when an idempotent retry returns it), so that owners of
 * derived data, such as the client record, can bring it up to date; handling it must be idempotent.
 */
public record DecisionMade(String decisionId, String clientId, DecisionStatus status, Integer level,
        String rulesetVersion, Map<String, Object> facts, Instant decidedAt) {
}
