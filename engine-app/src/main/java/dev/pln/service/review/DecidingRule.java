package dev.pln.service.review;

import dev.pln.service.decision.DecisionView;
import dev.pln.service.engine.FiredRule;

/** Reads which level rule decided a stored decision: the one the resolution rule LVL-01 chose. */
final class DecidingRule {

    static final String RESOLUTION = "LVL-01";

    private DecidingRule() {
    }

    static String of(DecisionView decision) {
        if (decision.explanation() == null) {
            return null;
        }
        for (FiredRule rule : decision.explanation().firedRules()) {
            if (RESOLUTION.equals(rule.ruleId()) && rule.matched().get("decidingRuleId") != null) {
                return rule.matched().get("decidingRuleId").toString();
            }
        }
        return null;
    }
}
