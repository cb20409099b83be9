package dev.pln.service.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pln.model.ClientFacts;
import dev.pln.rules.Fixture;
import dev.pln.rules.Fixtures;
import dev.pln.service.decision.ClientFactsRequest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import tools.jackson.databind.json.JsonMapper;

class RulesetTests {

    static final Ruleset BUILT_IN = Ruleset.fromClasspath(RulesetTests.class.getClassLoader());
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final DecisionEngine ENGINE = new DecisionEngine(BUILT_IN);

    static List<Fixture> workedCases() {
        return Fixtures.workedCases();
    }

    static ClientFacts facts(Fixture fixture) {
        return JSON.treeToValue(fixture.request(), ClientFactsRequest.class).toFacts();
    }

    static RulesetIdentity identity(String version, Map<String, String> sources) {
        return new RulesetIdentity(version, "dev.pln:rules:" + version, Ruleset.checksum(sources));
    }

    static Map<String, String> withFile(String path, String text) {
        Map<String, String> sources = new TreeMap<>(BUILT_IN.sources());
        sources.put(path, text);
        return sources;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedCases")
    void theBuiltInSourcesBuiltAtRuntimeDecideExactlyAsTheKjar(Fixture fixture) {
        Ruleset rebuilt = Ruleset.fromSources(BUILT_IN.identity(), BUILT_IN.sources());
        try {
            Evaluation kjar = ENGINE.evaluate(facts(fixture), BUILT_IN, true);
            Evaluation runtime = ENGINE.evaluate(facts(fixture), rebuilt, true);

            assertThat(runtime.level()).isEqualTo(kjar.level());
            assertThat(runtime.plan()).isEqualTo(kjar.plan());
            assertThat(runtime.decidingRuleId()).isEqualTo(kjar.decidingRuleId()).isNotNull();
            assertThat(runtime.explanation()).isEqualTo(kjar.explanation());
        }
        finally {
            rebuilt.dispose();
        }
    }

    @Test
    void reportsASyntaxErrorWithFileLineAndColumn() {
        String broken = BUILT_IN.sources().get("pln/barriers/barriers.drl").replace("Person( $age : age, age >= 45 )",
                "Person( $age : age, age >= )");

        assertThatThrownBy(() -> Ruleset.fromSources(identity("broken", BUILT_IN.sources()),
                withFile("pln/barriers/barriers.drl", broken)))
                .isInstanceOfSatisfying(RulesetBuildException.class, ex -> {
                    assertThat(ex.problems()).isNotEmpty();
                    BuildProblem first = ex.problems().get(0);
                    assertThat(first.file()).isEqualTo("pln/barriers/barriers.drl");
                    assertThat(first.line()).isEqualTo(lineOf(broken, "age >= )"));
                    assertThat(first.column()).isPositive();
                    assertThat(first.message()).doesNotStartWith("[ERR");
                });
    }

    @Test
    void reportsAJavaErrorInAConsequenceAtItsFile() {
        String broken = BUILT_IN.sources().get("pln/barriers/barriers.drl").replace(
                "insert( new Barrier( BarrierType.OLDER_AGE ) );", "insert( new Barrier( BarrierType.TOO_OLD ) );");

        assertThatThrownBy(() -> Ruleset.fromSources(identity("broken", BUILT_IN.sources()),
                withFile("pln/barriers/barriers.drl", broken)))
                .isInstanceOfSatisfying(RulesetBuildException.class, ex -> {
                    assertThat(ex.problems()).extracting(BuildProblem::file).contains("pln/barriers/barriers.drl");
                    assertThat(ex.problems().get(0).line()).isPositive();
                });
    }

    @Test
    void refusesAFileOutsideTheFolderOfItsPackage() {
        Map<String, String> sources = new TreeMap<>(BUILT_IN.sources());
        sources.put("pln/levels2/levels.drl", sources.remove("pln/levels/levels.drl"));

        assertThatThrownBy(() -> Ruleset.fromSources(identity("moved", sources), sources))
                .isInstanceOfSatisfying(RulesetBuildException.class, ex -> {
                    assertThat(ex.problems()).singleElement().satisfies(p -> {
                        assertThat(p.file()).isEqualTo("pln/levels2/levels.drl");
                        assertThat(p.message()).contains("pln/levels/");
                        assertThat(p.line()).isPositive();
                    });
                });
    }

    @Test
    void stopsRulesThatKeepFiring() {
        Map<String, String> sources = withFile("pln/loop/loop.drl", """
                package pln.loop;

                import dev.pln.model.*;

                rule "Every barrier breeds another"
                    @ruleId("LOOP-01")
                when
                    Barrier()
                then
                    insert( new Barrier( BarrierType.OLDER_AGE ) );
                end
                """);
        Ruleset looping = Ruleset.fromSources(identity("loop", sources), sources);
        try {
            assertThatThrownBy(() -> ENGINE.evaluate(facts(Fixtures.workedCase("case-3-li")), looping, false))
                    .isInstanceOfSatisfying(FiringLimitExceededException.class,
                            ex -> assertThat(ex.ruleNames()).contains("Every barrier breeds another"));
        }
        finally {
            looping.dispose();
        }
    }

    @Test
    void disposingReleasesTheContainerAndItsKieModule() {
        Ruleset rebuilt = Ruleset.fromSources(BUILT_IN.identity(), BUILT_IN.sources());
        ReleaseId module = rebuilt.kieModule().orElseThrow();
        assertThat(KieServices.get().getRepository().getKieModule(module)).isNotNull();

        rebuilt.dispose();

        assertThat(rebuilt.isDisposed()).isTrue();
        assertThat(KieServices.get().getRepository().getKieModule(module)).isNull();
        assertThatThrownBy(() -> ENGINE.evaluate(facts(Fixtures.workedCase("case-1-tao")), rebuilt, false))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void disposingWaitsForTheEvaluationStillRunning() {
        Ruleset rebuilt = Ruleset.fromSources(BUILT_IN.identity(), BUILT_IN.sources());
        assertThat(rebuilt.enter()).isTrue();

        rebuilt.dispose();
        assertThat(rebuilt.isDisposed()).isFalse();
        assertThat(rebuilt.enter()).isFalse();

        rebuilt.exit();
        assertThat(rebuilt.isDisposed()).isTrue();
    }

    private static int lineOf(String text, String fragment) {
        return (int) text.substring(0, text.indexOf(fragment)).chars().filter(c -> c == '\n').count() + 1;
    }
}
