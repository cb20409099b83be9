package dev.pln.service.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.InMemoryStore;
import dev.pln.service.decision.DecisionMade;
import dev.pln.service.engine.DecisionStatus;
import java.time.Instant;
import java.util.Map;
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
        return new DecisionMade(id, "ORDER-1", DecisionStatus.TIERED, level, "1.0.0", Map.of("level", level),
                Instant.parse(at));
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
