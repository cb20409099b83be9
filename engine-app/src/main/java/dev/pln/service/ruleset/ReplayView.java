package dev.pln.service.ruleset;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.pln.service.decision.DecisionView;
import java.util.List;

/**
 * A stored decision decided again: the Decision of the HTTP contract (without {@code decisionId}, nothing is
 * stored), which decision it replays, the rule set asked for, and every field that differs from the stored one.
 */
record ReplayView(@JsonUnwrapped DecisionView decision, String replayOf, String requestedRuleset,
        List<Difference> differences) {

    /** One field whose replayed value differs from the stored decision. */
    record Difference(String field, Object stored, Object replayed) {
    }
}
