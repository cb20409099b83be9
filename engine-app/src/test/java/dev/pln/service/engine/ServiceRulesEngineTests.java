package dev.pln.service.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.model.FollowUpKind;
import dev.pln.model.FollowUpOutcome;
import dev.pln.model.Measure;
import dev.pln.model.MeetingKind;
import dev.pln.model.RecommendationMode;
import dev.pln.model.ServiceHistory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's answers for services: eligibility by level and follow-up advice, read from the rules' metadata. */
class ServiceRulesEngineTests {

    static final DecisionEngine ENGINE = DecisionEngineTests.ENGINE;

    @Test
    void eligibleMeasuresOfALevelComeWithTheGrantingRule() {
        Map<Measure, RuleReference> level1 = ENGINE.eligibleMeasures(1);

        assertThat(level1).containsOnlyKeys(Measure.N2, Measure.N3, Measure.N4, Measure.N6);
        assertThat(level1.get(Measure.N2).ruleId()).isEqualTo("EL-N2");
        assertThat(ENGINE.eligibleMeasures(3).get(Measure.N5).reason()).isEqualTo("技能培训仅适用于三级帮扶对象");
    }

    @Test
    void followUpWithoutAJobGivesTheNextPlanAndFallbackPlacementWithTheirRules() {
        FollowUpAdvice advice = ENGINE.adviseAfterFollowUp(3, new FollowUpOutcome(FollowUpKind.AFTER_RECOMMENDATION,
                false, RecommendationMode.DIRECT, MeetingKind.EMPLOYER_INTERVIEW), new ServiceHistory(200, 1));

        assertThat(advice.nextPlan()).extracting(PlanItem::ruleId).containsExactlyInAnyOrder("FU-01", "FU-02", "FU-03");
        assertThat(advice.publicWelfarePlacement()).extracting(RuleReference::ruleId).containsExactly("FB-01");
    }

    @Test
    void followUpFindingAJobCallsForNothing() {
        FollowUpAdvice advice = ENGINE.adviseAfterFollowUp(3, new FollowUpOutcome(FollowUpKind.RETENTION_3M, true,
                null, null), new ServiceHistory(400, 5));

        assertThat(advice.nextPlan()).isEmpty();
        assertThat(advice.publicWelfarePlacement()).isEmpty();
    }
}
