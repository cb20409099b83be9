package dev.pln.rules;

import static dev.pln.rules.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * eligibility.drl: the method's table 帮扶措施等级服务表 — N1 for levels 2 and 3, N2 N3 N4 N6 for every
 * level, N5 for level 3 only, and nothing for a client without a level.
 */
class EligibilityRulesTests {

    static final JsonNode TAO = Fixtures.workedCase("case-1-tao").request();

    static Outcome workedCase(String id) {
        return RuleHarness.run(Fixtures.workedCase(id).request());
    }

    @ParameterizedTest
    @ValueSource(strings = { "case-2-wang", "case-3-li", "case-4-dong" })
    void levels2And3MayReceiveEmploymentAttitudeGuidance(String caseId) {
        Outcome outcome = workedCase(caseId);

        assertThat(outcome.level()).isIn(2, 3);
        assertThat(outcome.eligibleMeasures()).contains("N1");
        assertThat(outcome.firedStartingWith("EL-")).contains("EL-N1");
    }

    @Test
    void level1MayNotReceiveEmploymentAttitudeGuidance() {
        Outcome outcome = workedCase("case-1-tao");

        assertThat(outcome.level()).isEqualTo(1);
        assertThat(outcome.eligibleMeasures()).containsExactlyInAnyOrder("N2", "N3", "N4", "N6");
        assertThat(outcome.firedStartingWith("EL-")).containsExactlyInAnyOrder("EL-N2", "EL-N3", "EL-N4", "EL-N6");
    }

    @ParameterizedTest(name = "{0} by {1}")
    @CsvSource({ "N2, EL-N2", "N3, EL-N3", "N4, EL-N4", "N6, EL-N6" })
    void everyLevelMayReceiveJobSeekingGuidanceRecommendationsCoachingAndFollowUp(String measure, String ruleId) {
        for (Fixture fixture : Fixtures.workedCases()) {
            Outcome outcome = RuleHarness.run(fixture.request());

            assertThat(outcome.eligibleMeasures()).as(fixture.id()).contains(measure);
            assertThat(outcome.firedRuleIds()).as(fixture.id()).containsOnlyOnce(ruleId);
        }
    }

    @Test
    void clientNotTieredMayReceiveNoMeasure() {
        Outcome outcome = RuleHarness.run(with(TAO, "/willingness", "UNWILLING"));

        assertThat(outcome.status()).isEqualTo("NOT_TIERED");
        assertThat(outcome.eligibleMeasures()).isEmpty();
        assertThat(outcome.firedStartingWith("EL-")).isEmpty();
    }

    @Test
    void clientWithIncompleteFactsMayReceiveNoMeasureYet() {
        Outcome outcome = RuleHarness.run(with(TAO, "/goal/matchesConditions", null));

        assertThat(outcome.status()).isEqualTo("INCOMPLETE");
        assertThat(outcome.eligibleMeasures()).isEmpty();
        assertThat(outcome.firedStartingWith("EL-")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "case-3-li", "case-4-dong" })
    void level3MayReceiveSkillsTraining(String caseId) {
        Outcome outcome = workedCase(caseId);

        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.eligibleMeasures()).containsExactlyInAnyOrder("N1", "N2", "N3", "N4", "N5", "N6");
        assertThat(outcome.firedStartingWith("EL-")).containsExactlyInAnyOrder("EL-N1", "EL-N2", "EL-N3", "EL-N4",
                "EL-N5", "EL-N6");
    }

    @Test
    void level2MayNotReceiveSkillsTraining() {
        for (JsonNode request : List.of(Fixtures.workedCase("case-2-wang").request(),
                with(with(TAO, "/goal/clarity", "NONE"), "/goal/matchesConditions", null))) {
            Outcome outcome = RuleHarness.run(request);

            assertThat(outcome.level()).isEqualTo(2);
            assertThat(outcome.eligibleMeasures()).containsExactlyInAnyOrder("N1", "N2", "N3", "N4", "N6");
            assertThat(outcome.firedStartingWith("EL-")).doesNotContain("EL-N5").hasSize(5);
        }
    }
}
