package dev.pln.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.model.FollowUpKind;
import dev.pln.model.FollowUpOutcome;
import dev.pln.model.LevelDecision;
import dev.pln.model.Measure;
import dev.pln.model.MeetingKind;
import dev.pln.model.NextMeasure;
import dev.pln.model.RecommendationMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * follow-up.drl: a follow-up that finds the client still without a job calls for a targeted recommendation
 * (FU-01), interview coaching after a failed employer interview (FU-02), and a follow-up of the new
 * recommendation (FU-03); a follow-up that finds the client employed calls for nothing.
 */
class FollowUpRulesTests {

    static final LevelDecision LEVEL_1 = new LevelDecision(1, "L1-01");

    static List<Measure> next(RuleHarness.Run run) {
        return run.inserted(NextMeasure.class).stream().map(NextMeasure::getMeasure).toList();
    }

    @Test
    void clientStillWithoutAJobAfterADirectRecommendationIsGivenATargetedOne() {
        RuleHarness.Run run = RuleHarness.runFacts(LEVEL_1, new FollowUpOutcome(FollowUpKind.AFTER_RECOMMENDATION,
                false, RecommendationMode.DIRECT, MeetingKind.MATCHMAKING_FAIR));

        assertThat(next(run)).containsExactlyInAnyOrder(Measure.N3, Measure.N6);
        assertThat(run.firedStartingWith("FU-")).containsExactly("FU-01", "FU-03");
    }

    @Test
    void failedEmployerInterviewCallsForInterviewCoaching() {
        RuleHarness.Run run = RuleHarness.runFacts(LEVEL_1, new FollowUpOutcome(FollowUpKind.AFTER_RECOMMENDATION,
                false, RecommendationMode.TARGETED, MeetingKind.EMPLOYER_INTERVIEW));

        assertThat(next(run)).containsExactlyInAnyOrder(Measure.N3, Measure.N4, Measure.N6);
        assertThat(run.firedStartingWith("FU-")).containsExactlyInAnyOrder("FU-01", "FU-02", "FU-03");
    }

    @Test
    void matchmakingFairIsNoFailedInterviewSoNoCoaching() {
        RuleHarness.Run run = RuleHarness.runFacts(LEVEL_1, new FollowUpOutcome(FollowUpKind.AFTER_RECOMMENDATION,
                false, RecommendationMode.TARGETED, MeetingKind.MATCHMAKING_FAIR));

        assertThat(next(run)).doesNotContain(Measure.N4);
        assertThat(run.firedRuleIds()).doesNotContain("FU-02");
    }

    @ParameterizedTest
    @EnumSource(FollowUpKind.class)
    void employedClientNeedsNoNextStep(FollowUpKind kind) {
        RuleHarness.Run run = RuleHarness.runFacts(LEVEL_1,
                new FollowUpOutcome(kind, true, RecommendationMode.DIRECT, MeetingKind.EMPLOYER_INTERVIEW));

        assertThat(next(run)).isEmpty();
        assertThat(run.firedStartingWith("FU-")).isEmpty();
    }

    @Test
    void publicWelfareReviewWithoutAJobIsNoRecommendationFollowUp() {
        RuleHarness.Run run = RuleHarness.runFacts(new LevelDecision(3, "L3-01"),
                new FollowUpOutcome(FollowUpKind.PUBLIC_WELFARE_REVIEW, false, null, null));

        assertThat(next(run)).isEmpty();
        assertThat(run.firedStartingWith("FU-")).isEmpty();
    }

    @Test
    void clientWithoutALevelIsGivenNoNextStep() {
        RuleHarness.Run run = RuleHarness.runFacts(new FollowUpOutcome(FollowUpKind.AFTER_RECOMMENDATION, false,
                RecommendationMode.DIRECT, MeetingKind.EMPLOYER_INTERVIEW));

        assertThat(next(run)).isEmpty();
        assertThat(run.firedStartingWith("FU-")).isEmpty();
    }
}
