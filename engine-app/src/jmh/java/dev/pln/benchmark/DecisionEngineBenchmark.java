package dev.pln.benchmark;

import dev.pln.model.ClientFacts;
import dev.pln.rules.Fixture;
import dev.pln.rules.Fixtures;
import dev.pln.service.decision.ClientFactsRequest;
import dev.pln.service.engine.DecisionEngine;
import dev.pln.service.engine.Evaluation;
import dev.pln.service.engine.Ruleset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions per second of the rule engine alone on one thread, with and without explanation capture,
 * cycling through the shared fixtures. JSON mapping happens in setup, so only {@code evaluate} is timed.
 * The defaults suit a 2-core machine; JMH's command-line options override them (see docs/performance.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 8, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Threads(1)
@State(Scope.Benchmark)
public class DecisionEngineBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DecisionEngine engine;
    private Ruleset ruleset;
    private ClientFacts[] inputs;
    private int next;

    @Setup(Level.Trial)
    public void loadRulesAndFixtures() {
        engine = new DecisionEngine(Ruleset.fromClasspath(DecisionEngineBenchmark.class.getClassLoader()));
        ruleset = engine.activeRuleset();
        List<JsonNode> requests = requests();
        inputs = new ClientFacts[requests.size()];
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = JSON.treeToValue(requests.get(i), ClientFactsRequest.class).toFacts();
            Evaluation evaluation = engine.evaluate(inputs[i]);
            String outcome = evaluation.status() + (evaluation.level() == null ? "" : " " + evaluation.level());
            outcomes.merge(outcome, 1, Integer::sum);
        }
        // The mix of outcomes decides how many rules fire per decision, so it belongs next to the numbers.
        System.out.println("Benchmark inputs: " + inputs.length + " " + outcomes);
    }

    @Benchmark
    public Evaluation withExplanation() {
        return engine.evaluate(nextInput());
    }

    @Benchmark
    public Evaluation withoutExplanation() {
        return engine.evaluate(nextInput(), ruleset, false);
    }

    private ClientFacts nextInput() {
        ClientFacts facts = inputs[next];
        next = next + 1 == inputs.length ? 0 : next + 1;
        return facts;
    }

    /** The worked cases plus the scenarios, or a few variants of the worked cases where no scenario exists yet. */
    static List<JsonNode> requests() {
        List<Fixture> cases = Fixtures.workedCases();
        List<JsonNode> requests = new ArrayList<>();
        cases.forEach(fixture -> requests.add(fixture.request()));
        List<Fixture> scenarios = scenariosIfAny();
        if (!scenarios.isEmpty()) {
            scenarios.forEach(fixture -> requests.add(fixture.request()));
            return requests;
        }
        JsonNode tao = Fixtures.workedCase("case-1-tao").request();
        JsonNode wang = Fixtures.workedCase("case-2-wang").request();
        JsonNode li = Fixtures.workedCase("case-3-li").request();
        requests.add(Fixtures.with(tao, "/willingness", "UNWILLING"));
        requests.add(Fixtures.with(wang, "/willingness", "UNDECIDED"));
        requests.add(Fixtures.with(tao, "/goal/matchesConditions", null));
        requests.add(Fixtures.with(wang, "/goal/clarity", "VAGUE"));
        requests.add(Fixtures.with(wang, "/age", 50));
        requests.add(Fixtures.with(li, "/family/caregiving", "CHILDREN"));
        return requests;
    }

    private static List<Fixture> scenariosIfAny() {
        try {
            return Fixtures.scenarios();
        }
        catch (IllegalStateException absent) {
            // fixtures/scenarios is not on this branch yet.
            return List.of();
        }
    }
}
