package dev.pln.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.model.FollowUpKind;
import dev.pln.model.FollowUpOutcome;
import dev.pln.model.LevelDecision;
import dev.pln.model.PublicWelfarePlacement;
import dev.pln.model.RecommendationMode;
import dev.pln.model.ServiceHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fallback.drl: a level-3 client still without a job is offered a public-welfare post after 180 days in
 * service (FB-01) or three unsuccessful recommendations (FB-02), and not one day or one recommendation earlier.
 */
class FallbackRulesTests {

    static final LevelDecision LEVEL_3 = new LevelDecision(3, "L3-01");
    static final FollowUpOutcome NOT_EMPLOYED = new FollowUpOutcome(FollowUpKind.AFTER_RECOMMENDATION, false,
            RecommendationMode.TARGETED, null);

    @Test
    void level3ClientWithoutAJobAfter180DaysIsOfferedAPublicWelfarePost() {
        RuleHarness.Run run = RuleHarness.runFacts(LEVEL_3, NOT_EMPLOYED, new ServiceHistory(180, 1));

        assertThat(run.inserted(PublicWelfarePlacement.class)).hasSize(1);
        assertThat(run.firedStartingWith("FB-")).containsExactly("FB-01");
    }

    @Test
    void level3ClientAfter179DaysJustIsNot() {
        RuleHarness.Run run = RuleHarness.runFacts(LEVEL_3, NOT_EMPLOYED, new ServiceHistory(179, 2));

        assertThat(run.inserted(PublicWelfarePlacement.class)).isEmpty();
        assertThat(run.firedStartingWith("FB-")).isEmpty();
    }

    @Test
    void level3ClientWithThreeUnsuccessfulRecommendationsIsOfferedAPublicWelfarePost() {
        RuleHarness.Run run = RuleHarness.runFacts(LEVEL_3, NOT_EMPLOYED, new ServiceHistory(30, 3));

        assertThat(run.inserted(PublicWelfarePlacement.class)).hasSize(1);
        assertThat(run.firedStartingWith("FB-")).containsExactly("FB-02");
    }

    @Test
    void level3ClientWithTwoUnsuccessfulRecommendationsJustIsNot() {
        RuleHarness.Run run = RuleHarness.runFacts(LEVEL_3, NOT_EMPLOYED, new ServiceHistory(30, 2));

        assertThat(run.firedStartingWith("FB-")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2 })
    void levels1And2AreNotOfferedFallbackPlacement(int level) {
        RuleHarness.Run run = RuleHarness.runFacts(new LevelDecision(level, "L" + level + "-01"), NOT_EMPLOYED,
                new ServiceHistory(400, 5));

        assertThat(run.inserted(PublicWelfarePlacement.class)).isEmpty();
        assertThat(run.firedStartingWith("FB-")).isEmpty();
    }

    @Test
    void employedClientIsNotOfferedFallbackPlacement() {
        RuleHarness.Run run = RuleHarness.runFacts(LEVEL_3,
                new FollowUpOutcome(FollowUpKind.RETENTION_3M, true, null, null), new ServiceHistory(400, 5));

        assertThat(run.firedStartingWith("FB-")).isEmpty();
    }
}
