package dev.pln.service.engine;

import dev.pln.model.BarrierType;
import dev.pln.model.Measure;
import dev.pln.model.ProblemType;
import java.util.List;

/**
 * The outcome of running one rule set on one client's facts: the Decision of the HTTP contract without
 * the identifiers and timestamps that storage adds. {@code level} and {@code decidingRuleId} (the level
 * rule that won) are null unless the status is TIERED.
 */
public record Evaluation(DecisionStatus status, Integer level, List<ProblemType> problems, List<BarrierType> barriers,
        List<String> missing, List<Measure> eligibleMeasures, List<PlanItem> plan, Explanation explanation,
        RulesetIdentity ruleset, String decidingRuleId) {
}
