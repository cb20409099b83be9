package dev.pln.service.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixture;
import dev.pln.rules.Fixtures;
import dev.pln.model.ClientFacts;
import dev.pln.service.decision.ClientFactsRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions made at the same time on one rule set never see each other: the load test once found one request
 * in a thousand failing inside a rule's consequence, and this test found wrong results and agendas spinning for
 * ever, while sessions were configured single-threaded (the executable model then shares each rule's consequence
 * arguments across sessions). Eight threads, more than the session pool holds, decide the four worked cases in
 * turn, thousands of times, and must get the sequential results every time.
 */
class ConcurrentDecisionsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @Timeout(120) // a corrupted agenda spins for ever rather than failing
    void concurrentDecisionsOnOneRulesetAllSucceedWithTheSequentialResult() throws Exception {
        DecisionEngine engine = new DecisionEngine(Ruleset.fromClasspath(getClass().getClassLoader()));
        List<Fixture> cases = Fixtures.workedCases();
        List<ClientFacts> facts = cases.stream()
                .map(fixture -> JSON.treeToValue(fixture.request(), ClientFactsRequest.class).toFacts()).toList();
        List<Evaluation> sequential = facts.stream().map(engine::evaluate).toList();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        int threads = 8;
        int perThread = 1500;

        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "concurrent-decisions");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int which = (i + offset) % facts.size();
                        try {
                            Evaluation evaluation = engine.evaluate(facts.get(which));
                            if (evaluation.status() != sequential.get(which).status()
                                    || !java.util.Objects.equals(evaluation.level(), sequential.get(which).level())
                                    || !evaluation.plan().equals(sequential.get(which).plan())) {
                                failures.add(cases.get(which).id() + ": another result");
                            }
                        }
                        catch (RuntimeException ex) {
                            Throwable root = ex;
                            while (root.getCause() != null) {
                                root = root.getCause();
                            }
                            failures.add(cases.get(which).id() + ": " + root);
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(failures).as("of %d concurrent decisions", threads * perThread).isEmpty();
    }
}
