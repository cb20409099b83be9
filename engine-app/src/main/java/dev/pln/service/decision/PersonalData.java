package dev.pln.service.decision;

import dev.pln.service.engine.Explanation;
import dev.pln.service.engine.FiredRule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What of a client's facts a caller without need to know sees: a masked name, no health, no income status. */
public final class PersonalData {

    private PersonalData() {
    }

    /** "陶某某" style: the first character of the name and "某某"; null stays null. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "某某";
    }

    /** Fact names whose values only caseworkers of the client's jurisdiction see (as facts and as matched values). */
    static final Set<String> WITHHELD = Set.of("health", "lowIncome");

    /**
     * The explanation without the withheld values among the rules' matched values. That a rule about health or
     * income fired stays visible: it is part of why the level was assigned.
     */
    static Explanation masked(Explanation explanation) {
        if (explanation == null) {
            return null;
        }
        return new Explanation(explanation.summary(), explanation.firedRules().stream().map(rule -> {
            Map<String, Object> matched = new LinkedHashMap<>(rule.matched() == null ? Map.of() : rule.matched());
            matched.keySet().removeIf(binding -> WITHHELD.contains(binding.startsWith("$") ? binding.substring(1)
                    : binding));
            return new FiredRule(rule.order(), rule.ruleId(), rule.rule(), rule.packageName(), rule.reason(),
                    rule.policyRef(), matched);
        }).toList());
    }

    /** A copy of the facts with the name masked and {@code conditions.health} and {@code family.lowIncome} gone. */
    static Map<String, Object> masked(Map<String, Object> facts) {
        if (facts == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>(facts);
        if (copy.get("name") instanceof String name) {
            copy.put("name", maskName(name));
        }
        without(copy, "conditions", "health");
        without(copy, "family", "lowIncome");
        return copy;
    }

    private static void without(Map<String, Object> facts, String group, String field) {
        if (facts.get(group) instanceof Map<?, ?> inner) {
            Map<Object, Object> trimmed = new LinkedHashMap<>(inner);
            trimmed.remove(field);
            facts.put(group, trimmed);
        }
    }
}
