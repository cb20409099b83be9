package dev.pln.service.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.model.ClientFacts;
import dev.pln.model.Measure;
import dev.pln.rules.Fixture;
import dev.pln.rules.Fixtures;
import dev.pln.service.decision.ClientFactsRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class DecisionEngineTests {

    static final DecisionEngine ENGINE = new DecisionEngine(Ruleset.fromClasspath(DecisionEngineTests.class.getClassLoader()));
    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Fixture> workedCases() {
        return Fixtures.workedCases();
    }

    static ClientFacts facts(Fixture fixture) {
        return JSON.treeToValue(fixture.request(), ClientFactsRequest.class).toFacts();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedCases")
    void decidesTheWorkedCasesWithAnExplanation(Fixture fixture) {
        Evaluation evaluation = ENGINE.evaluate(facts(fixture));

        assertThat(evaluation.status().name()).isEqualTo(fixture.expected().get("status").asString());
        assertThat(evaluation.level()).isEqualTo(fixture.expected().get("level").asInt());
        assertThat(evaluation.plan()).extracting(item -> item.measure().name())
                .containsExactlyInAnyOrderElementsOf(fixture.expected().get("plan").valueStream()
                        .map(node -> node.asString()).toList());
        assertThat(evaluation.explanation().firedRules()).extracting(FiredRule::ruleId)
                .containsExactlyInAnyOrderElementsOf(fixture.expected().get("firedRuleIds").valueStream()
                        .map(node -> node.asString()).toList());
        assertThat(evaluation.explanation().firedRules()).extracting(FiredRule::order)
                .isSorted().startsWith(1);
        assertThat(evaluation.explanation().summary()).contains("评定为").contains("规则版本 1.0.0");
        assertThat(evaluation.plan()).allSatisfy(item -> {
            assertThat(item.reason()).isNotBlank();
            assertThat(item.ruleId()).startsWith("PL-");
            assertThat(evaluation.eligibleMeasures()).contains(item.measure());
        });
    }

    @Test
    void explainsWhichLevelRuleDecidedAndWhichYielded() {
        Evaluation wang = ENGINE.evaluate(facts(Fixtures.workedCase("case-2-wang")));

        assertThat(wang.explanation().summary()).contains("二级").contains("决定规则 L2-01")
                .contains("L2-02(指向二级(较难帮扶对象))").contains("让位于 L2-01");
    }

    @Test
    void recordsTheValuesEachRuleMatchedWithoutTheDollarSign() {
        Evaluation li = ENGINE.evaluate(facts(Fixtures.workedCase("case-3-li")));

        FiredRule age = li.explanation().firedRules().stream().filter(rule -> rule.ruleId().equals("BAR-01"))
                .findFirst().orElseThrow();
        assertThat(age.matched()).containsExactly(java.util.Map.entry("age", 49));
        assertThat(age.packageName()).isEqualTo("pln.barriers");
        assertThat(age.reason()).contains("45");
    }

    @Test
    void identifiesTheRulesetByVersionReleaseIdAndChecksum() {
        RulesetIdentity identity = ENGINE.evaluate(facts(Fixtures.workedCase("case-1-tao"))).ruleset();

        assertThat(identity.version()).isEqualTo("1.0.0");
        assertThat(identity.releaseId()).isEqualTo("dev.pln:rules-kjar:1.0.0");
        assertThat(identity.checksum()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void givesTheSameResultWithoutExplanationCapture() {
        ClientFacts dong = facts(Fixtures.workedCase("case-4-dong"));

        Evaluation quiet = ENGINE.evaluate(dong, ENGINE.activeRuleset(), false);
        Evaluation explained = ENGINE.evaluate(dong);

        assertThat(quiet.explanation()).isNull();
        assertThat(quiet.level()).isEqualTo(explained.level());
        assertThat(quiet.plan()).isEqualTo(explained.plan());
        assertThat(quiet.eligibleMeasures()).contains(Measure.N5);
    }
}
