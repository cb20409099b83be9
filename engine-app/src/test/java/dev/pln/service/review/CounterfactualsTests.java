package dev.pln.service.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixture;
import dev.pln.rules.Fixtures;
import dev.pln.service.decision.ClientFactsRequest;
import dev.pln.service.decision.DecisionView;
import dev.pln.service.engine.DecisionEngine;
import dev.pln.service.engine.Evaluation;
import dev.pln.service.engine.Ruleset;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CounterfactualsTests {

    static final DecisionEngine ENGINE = new DecisionEngine(
            Ruleset.fromClasspath(CounterfactualsTests.class.getClassLoader()));
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Counterfactuals COUNTERFACTUALS = new Counterfactuals(ENGINE, JSON);

    @SuppressWarnings("unchecked")
    static DecisionView decided(String workedCase) {
        Fixture fixture = Fixtures.workedCase(workedCase);
        Evaluation evaluation = ENGINE.evaluate(JSON.treeToValue(fixture.request(), ClientFactsRequest.class).toFacts());
        return new DecisionView(workedCase, fixture.request().get("clientId").asString(), evaluation.status(),
                evaluation.level(), evaluation.problems(), evaluation.barriers(), evaluation.missing(),
                evaluation.eligibleMeasures(), evaluation.plan(), evaluation.explanation(), evaluation.ruleset(),
                JSON.treeToValue(fixture.request(), Map.class), Instant.EPOCH);
    }

    @Test
    void wangReachesLevel1OnceHerGoalMatchesAndHerMisconceptionsAreResolved() {
        Counterfactuals.Report report = COUNTERFACTUALS.of(decided("case-2-wang"));

        assertThat(report.level()).isEqualTo(2);
        assertThat(report.rulesetVersion()).isEqualTo("1.0.0");
        assertThat(report.paths()).singleElement().satisfies(path -> {
            assertThat(path.toLevel()).isEqualTo(1);
            assertThat(path.decidingRuleId()).isEqualTo("L1-01");
            assertThat(path.changes()).extracting(Counterfactuals.Change::field)
                    .containsExactlyInAnyOrder("/goal/matchesConditions", "/attitudes/misconceptions");
            assertThat(path.changes()).filteredOn(c -> c.field().equals("/attitudes/misconceptions"))
                    .singleElement().satisfies(c -> {
                        assertThat(c.from()).asList().containsExactly("SALARY_EXPECTATION", "LOCATION");
                        assertThat(c.to()).asList().isEmpty();
                    });
        });
    }

    @Test
    void liAndDongReachLevel1WithAClearMatchingGoalAndLevel2NotByActionableChanges() {
        for (String workedCase : new String[] { "case-3-li", "case-4-dong" }) {
            Counterfactuals.Report report = COUNTERFACTUALS.of(decided(workedCase));

            assertThat(report.level()).isEqualTo(3);
            assertThat(report.paths()).as(workedCase).singleElement().satisfies(path -> {
                assertThat(path.toLevel()).isEqualTo(1);
                assertThat(path.decidingRuleId()).isEqualTo("L1-01");
                assertThat(path.changes()).extracting(Counterfactuals.Change::field)
                        .containsExactlyInAnyOrder("/goal/clarity", "/goal/matchesConditions");
            });
        }
    }

    @Test
    void taoAtLevel1HasNoActionableChangeThatMovesHer() {
        Counterfactuals.Report report = COUNTERFACTUALS.of(decided("case-1-tao"));

        assertThat(report.level()).isEqualTo(1);
        assertThat(report.paths()).isEmpty();
    }

    @Test
    void neverChangesSexAgeOrOtherFactsAPersonCannotActOn() {
        DecisionView li = decided("case-3-li");
        Map<String, Object> facts = new java.util.LinkedHashMap<>(li.facts());
        // An older woman with care duties: care can be arranged, age and sex are never proposed.
        facts.put("age", 50);
        facts.put("family", Map.of("caregiving", "CHILDREN"));
        DecisionView changed = new DecisionView(li.decisionId(), li.clientId(), li.status(), li.level(), li.problems(),
                li.barriers(), li.missing(), li.eligibleMeasures(), li.plan(), li.explanation(), li.ruleset(), facts,
                li.decidedAt());

        Counterfactuals.Report report = COUNTERFACTUALS.of(changed);

        assertThat(report.paths()).isNotEmpty().allSatisfy(path -> {
            assertThat(path.changes()).hasSizeLessThanOrEqualTo(Counterfactuals.MAX_CHANGES);
            assertThat(path.changes()).extracting(Counterfactuals.Change::field)
                    .allMatch(field -> field.startsWith("/goal/") || field.startsWith("/attitudes/")
                            || field.startsWith("/jobSearch/") || field.equals("/conditions/skills")
                            || field.equals("/family/caregiving"));
        });
    }
}
