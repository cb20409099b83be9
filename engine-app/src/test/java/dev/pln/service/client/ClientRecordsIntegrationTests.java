package dev.pln.service.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.InMemoryStore;
import dev.pln.service.decision.DecisionMade;
import dev.pln.service.engine.DecisionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class ClientRecordsIntegrationTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        InMemoryStore.register(registry);
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ClientRecords clients;

    static DecisionMade decision(String id, String at, int level) {
        return decision("ORDER-1", id, Instant.parse(at), level);
    }

    static DecisionMade decision(String clientId, String id, Instant at, int level) {
        return new DecisionMade(id, clientId, DecisionStatus.TIERED, level, "1.0.0", Map.of("level", level), at);
    }

    /** Decisions for one new client arriving all at once, in any order: the newest is current, all are history. */
    @RepeatedTest(5)
    void decisionsStoredAtTheSameMomentLeaveTheNewestCurrent(RepetitionInfo repetition) throws Exception {
        String clientId = "RACE-" + repetition.getCurrentRepetition();
        Instant base = Instant.parse("2026-05-01T00:00:00Z");
        List<DecisionMade> made = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            // Two share each moment, so that the decision id breaks the tie.
            made.add(decision(clientId, "d-" + (char) ('a' + i), base.plusSeconds(i / 2), 1 + i % 3));
        }
        List<DecisionMade> shuffled = new ArrayList<>(made);
        Collections.shuffle(shuffled, new Random(repetition.getCurrentRepetition()));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> published = new ArrayList<>();
            for (DecisionMade decision : shuffled) {
                published.add(pool.submit(() -> events.publishEvent(decision)));
            }
            for (Future<?> one : published) {
                one.get();
            }
        }
        finally {
            pool.shutdownNow();
        }

        DecisionMade newest = made.get(made.size() - 1);
        ClientDocument client = clients.find(clientId).orElseThrow();
        assertThat(client.currentDecisionId()).isEqualTo(newest.decisionId());
        assertThat(client.currentDecidedAt()).isEqualTo(newest.decidedAt());
        assertThat(client.level()).isEqualTo(newest.level());
        assertThat(client.facts()).containsEntry("level", newest.level());
        assertThat(client.history()).hasSize(made.size());
        assertThat(client.version()).isEqualTo(made.size());
    }

    @Test
    void aLateOlderDecisionJoinsTheHistoryWithoutReplacingTheCurrentOne() {
        events.publishEvent(decision("newer", "2026-03-01T00:00:00Z", 2));
        events.publishEvent(decision("older", "2026-01-01T00:00:00Z", 3));
        events.publishEvent(decision("newer", "2026-03-01T00:00:00Z", 2));

        ClientDocument client = clients.find("ORDER-1").orElseThrow();
        assertThat(client.currentDecisionId()).isEqualTo("newer");
        assertThat(client.level()).isEqualTo(2);
        assertThat(client.facts()).containsEntry("level", 2);
        assertThat(client.history()).extracting(ClientDocument.HistoryEntry::decisionId)
                .containsExactlyInAnyOrder("newer", "older");
    }
}
