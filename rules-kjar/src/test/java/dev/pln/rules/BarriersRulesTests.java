package dev.pln.rules;

import static dev.pln.rules.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * barriers.drl: each objective obstacle is derived at its threshold and not just below it. The inputs are
 * case 1 (Tao) with a vague goal and no fit judged, so that conditions alone decide between level 2 and 3.
 */
class BarriersRulesTests {

    static final JsonNode TAO_WITHOUT_A_CLEAR_GOAL = with(
            with(Fixtures.workedCase("case-1-tao").request(), "/goal/clarity", "VAGUE"),
            "/goal/matchesConditions", null);

    @Test
    void ageOf45IsABarrier() {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, "/age", 45));

        assertThat(outcome.barriers()).containsExactly("OLDER_AGE");
        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.firedStartingWith("BAR-")).containsExactly("BAR-01");
        assertThat(outcome.decidingRuleId()).isEqualTo("L3-01");
    }

    @Test
    void ageOf44IsNoBarrier() {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, "/age", 44));

        assertThat(outcome.barriers()).isEmpty();
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("BAR-")).isEmpty();
        assertThat(outcome.decidingRuleId()).isEqualTo("L2-03");
    }

    @ParameterizedTest
    @ValueSource(strings = { "NONE", "PRIMARY", "JUNIOR_MIDDLE" })
    void juniorMiddleSchoolOrLessIsAnEducationBarrier(String education) {
        JsonNode experienced = with(TAO_WITHOUT_A_CLEAR_GOAL, "/conditions/workExperienceYears", 2);

        Outcome outcome = RuleHarness.run(with(experienced, "/conditions/education", education));

        assertThat(outcome.barriers()).containsExactly("LOW_EDUCATION");
        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.firedStartingWith("BAR-")).containsExactly("BAR-02");
    }

    @Test
    void seniorHighSchoolIsNoEducationBarrier() {
        JsonNode experienced = with(TAO_WITHOUT_A_CLEAR_GOAL, "/conditions/workExperienceYears", 2);

        Outcome outcome = RuleHarness.run(with(experienced, "/conditions/education", "SENIOR_HIGH"));

        assertThat(outcome.barriers()).isEmpty();
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("BAR-")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "SENIOR_HIGH", "VOCATIONAL" })
    void noWorkExperienceWithoutATertiaryDegreeIsABarrier(String education) {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, "/conditions/education", education));

        assertThat(outcome.barriers()).containsExactly("NO_WORK_EXPERIENCE");
        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.firedStartingWith("BAR-")).containsExactly("BAR-03");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ASSOCIATE", "BACHELOR", "POSTGRADUATE" })
    void noWorkExperienceWithATertiaryDegreeIsNoBarrier(String education) {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, "/conditions/education", education));

        assertThat(outcome.barriers()).isEmpty();
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("BAR-")).isEmpty();
    }

    @Test
    void halfAYearOfWorkExperienceIsNoExperienceBarrier() {
        JsonNode seniorHigh = with(TAO_WITHOUT_A_CLEAR_GOAL, "/conditions/education", "SENIOR_HIGH");

        Outcome outcome = RuleHarness.run(with(seniorHigh, "/conditions/workExperienceYears", 0.5));

        assertThat(outcome.barriers()).isEmpty();
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("BAR-")).isEmpty();
    }

    @Test
    void twelveMonthsOutOfWorkIsABarrier() {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, "/conditions/monthsOutOfWork", 12));

        assertThat(outcome.barriers()).containsExactly("LONG_TIME_OUT_OF_WORK");
        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.firedStartingWith("BAR-")).containsExactly("BAR-04");
    }

    @Test
    void elevenMonthsOutOfWorkIsNoBarrier() {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, "/conditions/monthsOutOfWork", 11));

        assertThat(outcome.barriers()).isEmpty();
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("BAR-")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "CHILDREN", "ELDERLY", "SICK_RELATIVE" })
    void careDutiesAtHomeAreABarrier(String caregiving) {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, "/family/caregiving", caregiving));

        assertThat(outcome.barriers()).containsExactly("CARE_DUTIES");
        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.firedStartingWith("BAR-")).containsExactly("BAR-05");
    }

    @Test
    void noCareDutiesIsNoBarrier() {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, "/family/caregiving", "NONE"));

        assertThat(outcome.barriers()).isEmpty();
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("BAR-")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "LIMITED", "POOR" })
    void limitedOrPoorHealthIsABarrier(String health) {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, "/conditions/health", health));

        assertThat(outcome.barriers()).containsExactly("HEALTH_LIMITS");
        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.firedStartingWith("BAR-")).containsExactly("BAR-06");
    }

    @Test
    void goodHealthIsNoBarrier() {
        Outcome outcome = RuleHarness.run(with(TAO_WITHOUT_A_CLEAR_GOAL, "/conditions/health", "GOOD"));

        assertThat(outcome.barriers()).isEmpty();
        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.firedStartingWith("BAR-")).isEmpty();
    }

    @Test
    void barriersAddUpAsCase3Shows() {
        Outcome outcome = RuleHarness.run(Fixtures.workedCase("case-3-li").request());

        assertThat(outcome.barriers()).containsExactlyInAnyOrder("OLDER_AGE", "LOW_EDUCATION", "NO_WORK_EXPERIENCE");
        assertThat(outcome.firedStartingWith("BAR-")).containsExactlyInAnyOrder("BAR-01", "BAR-02", "BAR-03");
    }
}
