package dev.pln.service.decision;

import dev.pln.service.engine.FiredRule;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts stored decisions ({@code pln.decisions{status, level, ruleset}}) and the rules that fired in them
 * ({@code pln.rules.fired{ruleId}}); an idempotent retry that returns an earlier decision is not counted again.
 * Tags hold no personal data: statuses, levels, versions and rule ids only.
 */
@Component
class DecisionMetrics {

    private final MeterRegistry registry;

    DecisionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void stored(Decisions.Stored stored) {
        if (!stored.created()) {
            return;
        }
        DecisionView decision = stored.decision();
        Counter.builder("pln.decisions").description("Decisions stored")
                .tag("status", decision.status().name())
                .tag("level", decision.level() == null ? "none" : decision.level().toString())
                .tag("ruleset", decision.ruleset().version()).register(registry).increment();
        if (decision.explanation() != null) {
            for (FiredRule rule : decision.explanation().firedRules()) {
                Counter.builder("pln.rules.fired").description("Rule firings in stored decisions")
                        .tag("ruleId", rule.ruleId()).register(registry).increment();
            }
        }
    }
}
