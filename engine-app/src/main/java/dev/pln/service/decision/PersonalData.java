package dev.pln.service.decision;

import dev.pln.service.engine.Explanation;
import dev.pln.service.engine.FiredRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What of a client's facts a caller without need to know sees: a masked name, no health, no income status. */
public final class PersonalData {

    private PersonalData() {
    }

    /**
     * The facts only caseworkers of the client's jurisdiction see, as JSON Pointers; their last segment is also
     * the name under which rules match them.
     */
    public static final List<String> WITHHELD = List.of("/conditions/health", "/family/lowIncome");

    private static final Set<String> WITHHELD_BINDINGS = WITHHELD.stream()
            .map(pointer -> pointer.substring(pointer.lastIndexOf('/') + 1)).collect(Collectors.toUnmodifiableSet());

    /** "陶某某" style: the first character of the name and "某某"; null stays null. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, 1)) + "某某";
    }

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
            matched.keySet().removeIf(binding -> WITHHELD_BINDINGS.contains(binding.startsWith("$")
                    ? binding.substring(1) : binding));
            return new FiredRule(rule.order(), rule.ruleId(), rule.rule(), rule.packageName(), rule.reason(),
                    rule.policyRef(), matched);
        }).toList());
    }

    /** A copy of the facts with the name masked and the {@link #WITHHELD} facts gone. */
    static Map<String, Object> masked(Map<String, Object> facts) {
        if (facts == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>(facts);
        if (copy.get("name") instanceof String name) {
            copy.put("name", maskName(name));
        }
        for (String pointer : WITHHELD) {
            String[] path = pointer.substring(1).split("/");
            if (copy.get(path[0]) instanceof Map<?, ?> inner) {
                Map<Object, Object> trimmed = new LinkedHashMap<>(inner);
                trimmed.remove(path[1]);
                copy.put(path[0], trimmed);
            }
        }
        return copy;
    }
}
