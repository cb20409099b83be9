package dev.pln.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiClient;
import dev.pln.service.InMemoryStore;
import dev.pln.service.PlnApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Two service instances on one store converge on the active version, without a restart. */
class RulesetReplicasIntegrationTests {

    static final String TOKEN = "replicas";
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() {
        String uri = InMemoryStore.uri().replace("/pln?", "/pln-replicas?");
        first = start(uri);
        first.getBean(MongoTemplate.class).getDb().drop();
        first.getBean(Rulesets.class).sync();
        second = start(uri);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    static ConfigurableApplicationContext start(String uri) {
        return new SpringApplicationBuilder(PlnApplication.class).run("--server.port=0", "--spring.mongodb.uri=" + uri,
                "--pln.admin-token=" + TOKEN, "--pln.rulesets.poll-interval=1s",
                "--pln.security.enabled=false");
    }

    static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    static String versionDeciding(ConfigurableApplicationContext context) {
        return api(context).post("/api/v1/decisions/preview", Fixtures.workedCase("case-3-li").request()).json()
                .get("ruleset").get("version").asString();
    }

    @Test
    void bothInstancesFollowActivationsAndRollbacksWithinFiveSeconds() {
        Map<String, String> sources = new TreeMap<>(first.getBean(Rulesets.class).find("1.0.0").orElseThrow().sources());
        sources.put("pln/barriers/barriers.drl",
                sources.get("pln/barriers/barriers.drl").replace("age >= 45", "age >= 50"));
        assertThat(api(first).post("/api/v1/rulesets", Map.of("version", "replicated", "files", sources),
                "X-Admin-Token", TOKEN).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).until(() -> versionDeciding(second), "1.0.0"::equals);

        Instant activated = Instant.now();
        assertThat(api(first).post("/api/v1/rulesets/replicated/activate",
                Map.of("reason", "replica test", "acceptScenarioChanges", true), "X-Admin-Token", TOKEN).status())
                .isEqualTo(200);
        assertThat(versionDeciding(first)).isEqualTo("replicated");
        await().atMost(Duration.ofSeconds(5)).until(() -> versionDeciding(second), "replicated"::equals);
        Duration firstConvergence = Duration.between(activated, Instant.now());

        Instant rolledBack = Instant.now();
        assertThat(api(second).post("/api/v1/rulesets/1.0.0/activate", Map.of("reason", "roll back"),
                "X-Admin-Token", TOKEN).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> versionDeciding(first), "1.0.0"::equals);
        System.out.printf("Replica convergence: %d ms after activation, %d ms after rollback%n",
                firstConvergence.toMillis(), Duration.between(rolledBack, Instant.now()).toMillis());
        assertThat(api(first).get("/api/v1/rulesets/replicated").json().get("status").asString())
                .isEqualTo("RETIRED");
    }
}
