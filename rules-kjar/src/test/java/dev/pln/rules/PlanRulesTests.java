package dev.pln.rules;

import static dev.pln.rules.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * plan.drl: 一人一策 — which eligible measures this client should receive, each answering one of the
 * client's problems; a measure the client may not receive is never planned.
 */
class PlanRulesTests {

    static final JsonNode TAO = Fixtures.workedCase("case-1-tao").request();
    static final JsonNode LI = Fixtures.workedCase("case-3-li").request();

    @ParameterizedTest
    @ValueSource(strings = { "case-2-wang", "case-3-li", "case-4-dong" })
    void unclearGoalMisconceptionsOrInsufficientConditionsCallForEmploymentAttitudeGuidance(String caseId) {
        Outcome outcome = RuleHarness.run(Fixtures.workedCase(caseId).request());

        assertThat(outcome.problems()).containsAnyOf("GOAL_UNCLEAR", "MISCONCEPTIONS", "CONDITIONS_INSUFFICIENT");
        assertThat(outcome.plan()).contains("N1");
        assertThat(outcome.firedRuleIds()).containsOnlyOnce("PL-N1");
    }

    @Test
    void level1IsPlannedNoEmploymentAttitudeGuidance() {
        Outcome outcome = RuleHarness.run(TAO);

        assertThat(outcome.level()).isEqualTo(1);
        assertThat(outcome.plan()).doesNotContain("N1");
        assertThat(outcome.firedRuleIds()).doesNotContain("EL-N1", "PL-N1");
    }

    @Test
    void resumeThatNeedsWorkCallsForJobSeekingGuidance() {
        Outcome outcome = RuleHarness.run(TAO);

        assertThat(outcome.plan()).contains("N2");
        assertThat(outcome.firedStartingWith("PL-")).contains("PL-N2");
    }

    @Test
    void noResumeCallsForJobSeekingGuidanceEvenWithoutAQualityRecorded() {
        Outcome outcome = RuleHarness.run(with(with(TAO, "/jobSearch/hasResume", false),
                "/jobSearch/resumeQuality", null));

        assertThat(outcome.plan()).contains("N2");
        assertThat(outcome.firedStartingWith("PL-")).contains("PL-N2");
    }

    @Test
    void goodResumeNeedsNoJobSeekingGuidance() {
        Outcome outcome = RuleHarness.run(with(TAO, "/jobSearch/resumeQuality", "GOOD"));

        assertThat(outcome.plan()).containsExactlyInAnyOrder("N3", "N4", "N6");
        assertThat(outcome.firedStartingWith("PL-")).containsExactlyInAnyOrder("PL-N3-01", "PL-N4", "PL-N6");
    }

    @Test
    void unrecordedResumePlansNoJobSeekingGuidance() {
        Outcome outcome = RuleHarness.run(with(with(TAO, "/jobSearch/hasResume", null),
                "/jobSearch/resumeQuality", null));

        assertThat(outcome.plan()).doesNotContain("N2");
        assertThat(outcome.firedStartingWith("PL-")).doesNotContain("PL-N2");
    }

    @Test
    void clientsWhoSearchWithFocusAreRecommendedMatchingPosts() {
        Outcome outcome = RuleHarness.run(TAO);

        assertThat(outcome.plan()).contains("N3");
        assertThat(outcome.firedStartingWith("PL-")).contains("PL-N3-01").doesNotContain("PL-N3-02");
    }

    @Test
    void scattershotApplicantsAreGivenTargetedRecommendations() {
        Outcome outcome = RuleHarness.run(with(TAO, "/jobSearch/strategy", "SCATTERSHOT"));

        assertThat(outcome.problems()).contains("IMPRECISE_TARGETING");
        assertThat(outcome.plan()).containsExactlyInAnyOrder("N2", "N3", "N4", "N6");
        assertThat(outcome.firedStartingWith("PL-")).contains("PL-N3-02").doesNotContain("PL-N3-01");
    }

    @Test
    void weakInterviewingCallsForInterviewCoaching() {
        Outcome outcome = RuleHarness.run(TAO);

        assertThat(outcome.plan()).contains("N4");
        assertThat(outcome.firedStartingWith("PL-")).contains("PL-N4");
    }

    @Test
    void fairInterviewingNeedsNoInterviewCoaching() {
        Outcome outcome = RuleHarness.run(with(TAO, "/jobSearch/interviewSkill", "FAIR"));

        assertThat(outcome.eligibleMeasures()).as("still eligible, just not needed").contains("N4");
        assertThat(outcome.plan()).containsExactlyInAnyOrder("N2", "N3", "N6");
        assertThat(outcome.firedStartingWith("PL-")).doesNotContain("PL-N4");
    }

    @Test
    void level3ClientWithoutSkillsOrCertificatesAndWithoutIncomePressureIsOfferedTraining() {
        Outcome outcome = RuleHarness.run(with(LI, "/family/lowIncome", false));

        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.plan()).containsExactlyInAnyOrder("N1", "N2", "N3", "N4", "N5", "N6");
        assertThat(outcome.firedStartingWith("PL-")).contains("PL-N5");
    }

    @Test
    void level3ClientUnderIncomePressureIsNotSentToTrainingAsInCases3And4() {
        Outcome outcome = RuleHarness.run(LI);

        assertThat(outcome.eligibleMeasures()).contains("N5");
        assertThat(outcome.plan()).doesNotContain("N5");
        assertThat(outcome.firedStartingWith("PL-")).doesNotContain("PL-N5");
    }

    @Test
    void level3ClientWithUnrecordedIncomePressureIsNotSentToTraining() {
        Outcome outcome = RuleHarness.run(with(LI, "/family/lowIncome", null));

        assertThat(outcome.plan()).doesNotContain("N5");
        assertThat(outcome.firedStartingWith("PL-")).doesNotContain("PL-N5");
    }

    @Test
    void level3ClientWithASkillOrACertificateIsNotSentToTraining() {
        JsonNode noIncomePressure = with(LI, "/family/lowIncome", false);
        for (JsonNode request : List.of(with(noIncomePressure, "/conditions/skills", List.of("家政服务")),
                with(noIncomePressure, "/conditions/certificates", List.of("保洁员职业技能证书")))) {
            Outcome outcome = RuleHarness.run(request);

            assertThat(outcome.level()).isEqualTo(3);
            assertThat(outcome.plan()).doesNotContain("N5");
            assertThat(outcome.firedStartingWith("PL-")).doesNotContain("PL-N5");
        }
    }

    @Test
    void level3ClientWhoseSkillsWereNotRecordedIsNotSentToTraining() {
        Outcome outcome = RuleHarness.run(with(with(LI, "/family/lowIncome", false), "/conditions/skills", null));

        assertThat(outcome.level()).isEqualTo(3);
        assertThat(outcome.plan()).doesNotContain("N5");
        assertThat(outcome.firedStartingWith("PL-")).doesNotContain("PL-N5");
    }

    @Test
    void level2ClientWithoutSkillsOrIncomePressureIsNotSentToTraining() {
        JsonNode level2 = with(with(TAO, "/goal/clarity", "VAGUE"), "/goal/matchesConditions", null);

        Outcome outcome = RuleHarness.run(with(level2, "/family/lowIncome", false));

        assertThat(outcome.level()).isEqualTo(2);
        assertThat(outcome.plan()).doesNotContain("N5");
        assertThat(outcome.firedRuleIds()).doesNotContain("EL-N5", "PL-N5");
    }

    @ParameterizedTest
    @ValueSource(strings = { "case-1-tao", "case-2-wang", "case-3-li", "case-4-dong" })
    void everyJobRecommendationIsFollowedUp(String caseId) {
        Outcome outcome = RuleHarness.run(Fixtures.workedCase(caseId).request());

        assertThat(outcome.plan()).contains("N3", "N6");
        assertThat(outcome.firedRuleIds()).containsOnlyOnce("PL-N6");
        assertThat(outcome.firedRuleIds().indexOf("PL-N6"))
                .isGreaterThan(outcome.firedRuleIds().indexOf("PL-N3-01"));
    }

    @Test
    void clientWithoutALevelIsPlannedNothingAndSoNoFollowUp() {
        Outcome outcome = RuleHarness.run(with(TAO, "/willingness", "UNDECIDED"));

        assertThat(outcome.status()).isEqualTo("NOT_TIERED");
        assertThat(outcome.plan()).isEmpty();
        assertThat(outcome.firedStartingWith("PL-")).isEmpty();
    }
}
