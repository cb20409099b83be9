package dev.pln.service.engine;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.Match;

/**
 * What an explanation says about one rule, read once per rule set rather than on every firing: its metadata
 * and which of its declarations are the values it matched (binding names without the leading {@code $}).
 */
record RuleDescription(String ruleId, String name, String packageName, String reason, String policyRef,
        List<String> declarations, List<String> bindings) {

    /** The executable model adds a declaration per pattern holding the whole fact: not a matched value. */
    private static final String GENERATED_DECLARATION = "GENERATED_";

    static RuleDescription of(Match match) {
        Rule rule = match.getRule();
        List<String> declarations = new ArrayList<>();
        List<String> bindings = new ArrayList<>();
        for (String declaration : match.getDeclarationIds()) {
            String binding = declaration.startsWith("$") ? declaration.substring(1) : declaration;
            // Only the values a rule author bound are explanations; the compiler's own pattern bindings
            // (GENERATED_$pattern_…) hold whole facts and are left out.
            if (!binding.startsWith(GENERATED_DECLARATION) && binding.indexOf('$') < 0) {
                declarations.add(declaration);
                bindings.add(binding);
            }
        }
        return new RuleDescription(Explainer.metadata(rule, Explainer.RULE_ID), rule.getName(), rule.getPackageName(),
                Explainer.metadata(rule, Explainer.REASON), Explainer.metadata(rule, Explainer.POLICY_REF),
                List.copyOf(declarations), List.copyOf(bindings));
    }
}
