package dev.pln.service.engine;

import java.util.List;

/**
 * What the rules call for after a follow-up: the next measures (each with the rule that chose it) and, when a
 * fallback rule fired, the rules that recommend a public-welfare post (empty when none did).
 */
public record FollowUpAdvice(List<PlanItem> nextPlan, List<RuleReference> publicWelfarePlacement) {
}
