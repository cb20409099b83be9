package dev.pln.rules;

import static dev.pln.rules.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** problems.drl: the method's five problems (问题定位 1–5) are found exactly where their facts are. */
class ProblemsRulesTests {

    static final JsonNode TAO = Fixtures.workedCase("case-1-tao").request();
    static final JsonNode DONG = Fixtures.workedCase("case-4-dong").request();

    @ParameterizedTest
    @ValueSource(strings = { "VAGUE", "NONE" })
    void vagueOrMissingGoalIsTheProblemOfAnUnclearGoal(String clarity) {
        JsonNode noFitJudged = with(TAO, "/goal/matchesConditions", null);

        Outcome outcome = RuleHarness.run(with(noFitJudged, "/goal/clarity", clarity));

        assertThat(outcome.problems()).containsExactlyInAnyOrder("GOAL_UNCLEAR", "WEAK_INTERVIEWING");
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("PRB-")).containsExactlyInAnyOrder("PRB-01", "PRB-05");
    }

    @Test
    void clearGoalIsNoUnclearGoal() {
        Outcome outcome = RuleHarness.run(TAO);

        assertThat(outcome.problems()).doesNotContain("GOAL_UNCLEAR");
        assertThat(outcome.level()).isEqualTo(1);
        assertThat(outcome.firedStartingWith("PRB-")).containsExactly("PRB-05");
    }

    @Test
    void barriersMakeConditionsInsufficientWhenNoFitWasJudged() {
        Outcome outcome = RuleHarness.run(Fixtures.workedCase("case-3-li").request());

        assertThat(outcome.problems()).contains("CONDITIONS_INSUFFICIENT");
        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.firedStartingWith("PRB-")).contains("PRB-02").doesNotContain("PRB-03");
    }

    @Test
    void withoutABarrierConditionsAreNotInsufficient() {
        JsonNode vague = with(with(TAO, "/goal/clarity", "VAGUE"), "/goal/matchesConditions", null);

        Outcome outcome = RuleHarness.run(vague);

        assertThat(outcome.barriers()).isEmpty();
        assertThat(outcome.problems()).doesNotContain("CONDITIONS_INSUFFICIENT");
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("PRB-")).doesNotContain("PRB-02", "PRB-03");
    }

    @Test
    void barriersDoNotMakeConditionsInsufficientForAClearGoalJudgedToFit() {
        Outcome outcome = RuleHarness.run(with(with(TAO, "/age", 50), "/conditions/health", "LIMITED"));

        assertThat(outcome.barriers()).containsExactlyInAnyOrder("OLDER_AGE", "HEALTH_LIMITS");
        assertThat(outcome.problems()).containsExactly("WEAK_INTERVIEWING");
        assertThat(outcome.level()).isEqualTo(1);
        assertThat(outcome.firedStartingWith("PRB-")).containsExactly("PRB-05");
    }

    @Test
    void barriersMakeConditionsInsufficientForAVagueGoalEvenIfJudgedToFit() {
        Outcome outcome = RuleHarness.run(with(DONG, "/goal/matchesConditions", true));

        assertThat(outcome.barriers()).containsExactlyInAnyOrder("LONG_TIME_OUT_OF_WORK", "CARE_DUTIES");
        assertThat(outcome.problems()).contains("GOAL_UNCLEAR", "CONDITIONS_INSUFFICIENT");
        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.firedStartingWith("PRB-")).contains("PRB-02");
    }

    @Test
    void aGoalNotMatchingOwnConditionsMakesConditionsInsufficient() {
        Outcome outcome = RuleHarness.run(with(TAO, "/goal/matchesConditions", false));

        assertThat(outcome.problems()).containsExactlyInAnyOrder("CONDITIONS_INSUFFICIENT", "WEAK_INTERVIEWING");
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("PRB-")).containsExactlyInAnyOrder("PRB-03", "PRB-05");
    }

    @Test
    void aGoalMatchingOwnConditionsLeavesConditionsSufficient() {
        Outcome outcome = RuleHarness.run(TAO);

        assertThat(outcome.problems()).doesNotContain("CONDITIONS_INSUFFICIENT");
        assertThat(outcome.firedStartingWith("PRB-")).doesNotContain("PRB-02", "PRB-03");
    }

    @Test
    void recordedMisconceptionsAreTheProblemOfMisconceptions() {
        Outcome outcome = RuleHarness.run(with(TAO, "/attitudes/misconceptions", List.of("MARKET_UNAWARE")));

        assertThat(outcome.problems()).containsExactlyInAnyOrder("MISCONCEPTIONS", "WEAK_INTERVIEWING");
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("PRB-")).containsExactlyInAnyOrder("PRB-04", "PRB-05");
    }

    @Test
    void noMisconceptionsFoundIsNoProblem() {
        Outcome outcome = RuleHarness.run(with(TAO, "/attitudes/misconceptions", List.of()));

        assertThat(outcome.problems()).doesNotContain("MISCONCEPTIONS");
        assertThat(outcome.level()).isEqualTo(1);
        assertThat(outcome.firedStartingWith("PRB-")).doesNotContain("PRB-04");
    }

    @Test
    void misconceptionsNotAskedAreNoProblemButAreAskedFor() {
        Outcome outcome = RuleHarness.run(with(TAO, "/attitudes/misconceptions", null));

        assertThat(outcome.problems()).doesNotContain("MISCONCEPTIONS");
        assertThat(outcome.status()).isEqualTo("INCOMPLETE");
        assertThat(outcome.firedRuleIds()).doesNotContain("PRB-04").contains("MIS-04");
    }

    @Test
    void weakInterviewingIsTheProblemOfPoorInterviewAbility() {
        Outcome outcome = RuleHarness.run(TAO);

        assertThat(outcome.problems()).containsExactly("WEAK_INTERVIEWING");
        assertThat(outcome.firedStartingWith("PRB-")).containsExactly("PRB-05");
    }

    @Test
    void fairInterviewingIsNoProblem() {
        Outcome outcome = RuleHarness.run(with(TAO, "/jobSearch/interviewSkill", "FAIR"));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.level()).isEqualTo(1);
        assertThat(outcome.firedStartingWith("PRB-")).isEmpty();
    }

    @Test
    void scattershotApplicationsAreTheProblemOfImpreciseTargeting() {
        Outcome outcome = RuleHarness.run(with(TAO, "/jobSearch/strategy", "SCATTERSHOT"));

        assertThat(outcome.problems()).containsExactlyInAnyOrder("IMPRECISE_TARGETING", "WEAK_INTERVIEWING");
        assertThat(outcome.level()).as("targeting is served by the plan, it does not change the level").isEqualTo(1);
        assertThat(outcome.firedStartingWith("PRB-")).containsExactlyInAnyOrder("PRB-05", "PRB-06");
    }

    @ParameterizedTest
    @ValueSource(strings = { "TARGETED", "NOT_SEARCHING" })
    void focusedOrNoSearchIsNoImpreciseTargeting(String strategy) {
        Outcome outcome = RuleHarness.run(with(TAO, "/jobSearch/strategy", strategy));

        assertThat(outcome.problems()).doesNotContain("IMPRECISE_TARGETING");
        assertThat(outcome.firedStartingWith("PRB-")).containsExactly("PRB-05");
    }
}
