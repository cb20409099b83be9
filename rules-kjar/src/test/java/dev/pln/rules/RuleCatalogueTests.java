package dev.pln.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/rules.md} equal to the catalogue built from the KJAR. Run the build with
 * {@code -Dpln.docs.update=true} to write the file instead of checking it.
 */
class RuleCatalogueTests {

    static final Path CATALOGUE = Path.of(System.getProperty("basedir", "."), "..", "docs", "rules.md").normalize();

    @Test
    void committedCatalogueMatchesTheRulesInTheKjar() throws IOException {
        String catalogue = RuleCatalogue.of(RuleHarness.KIE_BASE);
        if (Boolean.getBoolean("pln.docs.update")) {
            Files.createDirectories(CATALOGUE.getParent());
            Files.writeString(CATALOGUE, catalogue, StandardCharsets.UTF_8);
        }

        assertThat(CATALOGUE).as("%s exists; generate it with -Dpln.docs.update=true", CATALOGUE).isRegularFile();
        assertThat(Files.readString(CATALOGUE, StandardCharsets.UTF_8))
                .as("%s is stale; regenerate it with -Dpln.docs.update=true", CATALOGUE).isEqualTo(catalogue);
    }

    @Test
    void catalogueListsEveryRuleOnceWithItsMetadata() {
        String catalogue = RuleCatalogue.of(RuleHarness.KIE_BASE);

        assertThat(RuleMetadataTests.allRules()).allSatisfy(rule -> {
            assertThat(catalogue).containsOnlyOnce("| " + rule.getMetaData().get("ruleId") + " | " + rule.getName()
                    + " |");
            assertThat(catalogue).contains((String) rule.getMetaData().get("reason"),
                    (String) rule.getMetaData().get("policyRef"));
        });
    }

    @Test
    void catalogueLinksEachPolicyAreaToItsOneDrlFile() {
        String catalogue = RuleCatalogue.of(RuleHarness.KIE_BASE);

        assertThat(catalogue).contains(
                "[`rules-kjar/src/main/resources/pln/barriers/barriers.drl`](../rules-kjar/src/main/resources/pln/barriers/barriers.drl)",
                "[`rules-kjar/src/main/resources/pln/missing/missing-information.drl`]",
                "[`rules-kjar/src/main/resources/pln/plan/plan.drl`]");
        assertThat(catalogue.indexOf("## 就业障碍 (barriers)")).as("areas in the order they run")
                .isPositive()
                .isLessThan(catalogue.indexOf("## 问题定位 (problems)"));
        assertThat(catalogue.indexOf("## 帮扶等级 (levels)")).isLessThan(catalogue.indexOf("## 一人一策 (the plan)"));
    }
}
