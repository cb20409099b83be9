package dev.pln.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/** Explanations are built from rule metadata, so every rule must carry it, and rule ids must be unique. */
class RuleMetadataTests {

    static List<Rule> allRules() {
        List<Rule> rules = new ArrayList<>();
        for (KiePackage kiePackage : RuleHarness.KIE_BASE.getKiePackages()) {
            rules.addAll(kiePackage.getRules());
        }
        return rules;
    }

    @Test
    void everyPolicyAreaIsInTheKnowledgeBase() {
        Set<String> packages = new HashSet<>();
        allRules().forEach(rule -> packages.add(rule.getPackageName()));

        assertThat(packages).containsExactlyInAnyOrder("pln.barriers", "pln.problems", "pln.missing",
                "pln.levels", "pln.eligibility", "pln.plan", "pln.followup", "pln.fallback");
    }

    @Test
    void everyRuleCarriesRuleIdReasonAndPolicyRef() {
        assertThat(allRules()).isNotEmpty().allSatisfy(rule -> assertThat(rule.getMetaData())
                .as(rule.getName())
                .containsKeys("ruleId", "reason", "policyRef")
                .allSatisfy((key, value) -> assertThat(value.toString()).as(rule.getName() + " @" + key).isNotBlank()));
    }

    @Test
    void ruleIdsAreUnique() {
        List<String> ids = allRules().stream().map(rule -> (String) rule.getMetaData().get("ruleId")).toList();

        assertThat(ids).doesNotHaveDuplicates();
    }
}
