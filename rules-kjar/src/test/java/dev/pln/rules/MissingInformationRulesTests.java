package dev.pln.rules;

import static dev.pln.rules.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * missing-information.drl: a fact that would change the level and was not recorded makes the decision
 * INCOMPLETE with a JSON Pointer to it; no level is guessed, and facts that cannot change it are not asked for.
 */
class MissingInformationRulesTests {

    static final JsonNode TAO = Fixtures.workedCase("case-1-tao").request();
    static final JsonNode TAO_WITHOUT_A_CLEAR_GOAL = with(with(TAO, "/goal/clarity", "VAGUE"),
            "/goal/matchesConditions", null);

    // The HTTP contract requires willingness and goal.clarity, so MIS-01 and MIS-02 guard facts that reach the
    // rules by other ways (stored facts re-evaluated under new rules, direct use of the KJAR).
    @Test
    void unrecordedWillingnessIsAskedFor() {
        Outcome outcome = RuleHarness.run(with(TAO, "/willingness", null));

        assertThat(outcome.status()).isEqualTo("INCOMPLETE");
        assertThat(outcome.level()).isNull();
        assertThat(outcome.missing()).containsExactly("/willingness");
        assertThat(outcome.firedStartingWith("MIS-", "NT-", "L", "EL-", "PL-")).containsExactly("MIS-01");
    }

    @Test
    void recordedWillingnessIsNotAskedFor() {
        Outcome outcome = RuleHarness.run(with(TAO, "/willingness", "UNWILLING"));

        assertThat(outcome.status()).isEqualTo("NOT_TIERED");
        assertThat(outcome.missing()).isEmpty();
        assertThat(outcome.firedStartingWith("MIS-")).isEmpty();
    }

    @Test
    void unrecordedGoalClarityOfAWillingClientIsAskedFor() {
        Outcome outcome = RuleHarness.run(with(TAO, "/goal/clarity", null));

        assertThat(outcome.status()).isEqualTo("INCOMPLETE");
        assertThat(outcome.missing()).containsExactly("/goal/clarity");
        assertThat(outcome.firedStartingWith("MIS-", "NT-", "L", "EL-", "PL-")).containsExactly("MIS-02");
    }

    @Test
    void unrecordedGoalClarityOfAnUnwillingClientIsNotAskedFor() {
        Outcome outcome = RuleHarness.run(with(with(TAO, "/goal/clarity", null), "/willingness", "UNWILLING"));

        assertThat(outcome.status()).isEqualTo("NOT_TIERED");
        assertThat(outcome.missing()).isEmpty();
        assertThat(outcome.firedStartingWith("MIS-")).isEmpty();
    }

    @Test
    void unjudgedFitOfAClearGoalIsAskedFor() {
        Outcome outcome = RuleHarness.run(with(TAO, "/goal/matchesConditions", null));

        assertThat(outcome.status()).isEqualTo("INCOMPLETE");
        assertThat(outcome.level()).isNull();
        assertThat(outcome.eligibleMeasures()).isEmpty();
        assertThat(outcome.missing()).containsExactly("/goal/matchesConditions");
        assertThat(outcome.firedStartingWith("MIS-", "L", "EL-", "PL-")).containsExactly("MIS-03");
    }

    @Test
    void unjudgedFitOfAClearGoalIsAskedForEvenWhenABarrierIsKnown() {
        Outcome outcome = RuleHarness.run(with(with(TAO, "/goal/matchesConditions", null), "/age", 52));

        assertThat(outcome.status()).isEqualTo("INCOMPLETE");
        assertThat(outcome.barriers()).containsExactly("OLDER_AGE");
        assertThat(outcome.missing()).containsExactly("/goal/matchesConditions");
        assertThat(outcome.firedStartingWith("MIS-", "L", "EL-", "PL-")).containsExactly("MIS-03");
    }

    @Test
    void unjudgedFitOfAnUnclearGoalIsNotAskedFor() {
        Outcome outcome = RuleHarness.run(TAO_WITHOUT_A_CLEAR_GOAL);

        assertThat(outcome.status()).isEqualTo("TIERED");
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("MIS-")).isEmpty();
    }

    @Test
    void unaskedMisconceptionsOfAClearFittingGoalAreAskedFor() {
        Outcome outcome = RuleHarness.run(with(TAO, "/attitudes/misconceptions", null));

        assertThat(outcome.status()).isEqualTo("INCOMPLETE");
        assertThat(outcome.missing()).containsExactly("/attitudes/misconceptions");
        assertThat(outcome.firedStartingWith("MIS-", "L", "EL-", "PL-")).containsExactly("MIS-04");
    }

    @Test
    void unaskedMisconceptionsAndUnjudgedFitAreBothAskedFor() {
        Outcome outcome = RuleHarness.run(
                with(with(TAO, "/attitudes/misconceptions", null), "/goal/matchesConditions", null));

        assertThat(outcome.status()).isEqualTo("INCOMPLETE");
        assertThat(outcome.missing()).containsExactlyInAnyOrder("/goal/matchesConditions", "/attitudes/misconceptions");
        assertThat(outcome.firedStartingWith("MIS-")).containsExactlyInAnyOrder("MIS-03", "MIS-04");
    }

    @Test
    void unaskedMisconceptionsAreNotNeededWhenTheGoalDoesNotFit() {
        Outcome outcome = RuleHarness.run(
                with(with(TAO, "/attitudes/misconceptions", null), "/goal/matchesConditions", false));

        assertThat(outcome.status()).isEqualTo("TIERED");
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.decidingRuleId()).isEqualTo("L2-02");
        assertThat(outcome.firedStartingWith("MIS-")).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/conditions/workExperienceYears, MIS-05",
            "/conditions/monthsOutOfWork,     MIS-06",
            "/conditions/health,              MIS-07",
            "/family/caregiving,              MIS-08" })
    void anUnclearGoalWithoutAKnownBarrierNeedsTheFactsThatCouldRevealOne(String pointer, String ruleId) {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, pointer, null));

        assertThat(outcome.status()).isEqualTo("INCOMPLETE");
        assertThat(outcome.level()).isNull();
        assertThat(outcome.missing()).containsExactly(pointer);
        assertThat(outcome.firedStartingWith("MIS-", "L", "EL-", "PL-")).containsExactly(ruleId);
    }

    @ParameterizedTest(name = "{0} not asked: {1} does not fire")
    @CsvSource({
            "/conditions/workExperienceYears, MIS-05",
            "/conditions/monthsOutOfWork,     MIS-06",
            "/conditions/health,              MIS-07",
            "/family/caregiving,              MIS-08" })
    void anUnclearGoalWithAKnownBarrierNeedsNoMoreFacts(String pointer, String ruleId) {
        Outcome outcome = RuleHarness.run(with(with(TAO_WITHOUT_A_CLEAR_GOAL, "/age", 45), pointer, null));

        assertThat(outcome.status()).isEqualTo("TIERED");
        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.missing()).isEmpty();
        assertThat(outcome.firedRuleIds()).doesNotContain(ruleId).contains("BAR-01", "L3-01");
    }

    @Test
    void anUnclearGoalWithNothingKnownAboutConditionsAsksForAllOfThem() {
        JsonNode unknown = with(with(with(with(TAO_WITHOUT_A_CLEAR_GOAL, "/conditions/workExperienceYears", null),
                "/conditions/monthsOutOfWork", null), "/conditions/health", null), "/family/caregiving", null);

        Outcome outcome = RuleHarness.run(unknown);

        assertThat(outcome.status()).isEqualTo("INCOMPLETE");
        assertThat(outcome.missing()).containsExactlyInAnyOrder("/conditions/workExperienceYears",
                "/conditions/monthsOutOfWork", "/conditions/health", "/family/caregiving");
        assertThat(outcome.firedStartingWith("MIS-")).containsExactlyInAnyOrder("MIS-05", "MIS-06", "MIS-07", "MIS-08");
    }

    @Test
    void factsThatCannotChangeTheLevelAreNotAskedFor() {
        JsonNode noJobSearchOrFamily = with(with(TAO, "/jobSearch", null), "/family/lowIncome", null);

        Outcome outcome = RuleHarness.run(noJobSearchOrFamily);

        assertThat(outcome.status()).isEqualTo("TIERED");
        assertThat(outcome.level()).isEqualTo(1);
        assertThat(outcome.firedStartingWith("MIS-")).isEmpty();
    }
}
