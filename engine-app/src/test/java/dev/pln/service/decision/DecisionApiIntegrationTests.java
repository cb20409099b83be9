package dev.pln.service.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixture;
import dev.pln.rules.Fixtures;
import dev.pln.service.ApiIntegrationTest;
import dev.pln.service.ApiClient.Reply;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class DecisionApiIntegrationTests extends ApiIntegrationTest {

    static List<Fixture> workedCases() {
        return Fixtures.workedCases();
    }

    JsonNode tao() {
        return Fixtures.workedCase("case-1-tao").request();
    }

    long stored() {
        return mongo.getCollection("decisions").countDocuments() + mongo.getCollection("clients").countDocuments();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedCases")
    void decidesAndStoresEachWorkedCase(Fixture fixture) {
        Reply reply = api.post("/api/v1/decisions", fixture.request());

        assertThat(reply.status()).isEqualTo(201);
        JsonNode decision = reply.json();
        assertThat(reply.header("Location")).isEqualTo("/api/v1/decisions/" + decision.get("decisionId").asString());
        assertThat(decision.get("status").asString()).isEqualTo("TIERED");
        assertThat(decision.get("level").asInt()).isEqualTo(fixture.expected().get("level").asInt());
        assertThat(decision.get("plan").valueStream().map(item -> item.get("measure").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(
                        fixture.expected().get("plan").valueStream().map(JsonNode::asString).toList());
        assertThat(decision.get("explanation").get("firedRules").get(0).has("package")).isTrue();
        assertThat(decision.get("ruleset").get("checksum").asString()).startsWith("sha256:");
        assertThat(decision.get("facts")).isEqualTo(fixture.request());
        assertThat(decision.get("decidedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        Reply again = api.get("/api/v1/decisions/" + decision.get("decisionId").asString());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(decision);
    }

    @Test
    void previewDecidesWithoutStoringAnything() {
        Reply reply = api.post("/api/v1/decisions/preview", tao());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("decisionId")).isFalse();
        assertThat(reply.json().get("level").asInt()).isEqualTo(1);
        assertThat(stored()).isZero();
    }

    @Test
    void notWillingClientsAreNotTieredWithANullLevel() {
        Reply reply = api.post("/api/v1/decisions", Fixtures.with(tao(), "/willingness", "UNWILLING"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("status").asString()).isEqualTo("NOT_TIERED");
        assertThat(reply.json().get("level").isNull()).isTrue();
        assertThat(reply.json().get("explanation").get("summary").asString()).contains("暂不定级");
    }

    @Test
    void incompleteFactsListWhatIsMissing() {
        Reply reply = api.post("/api/v1/decisions", Fixtures.with(tao(), "/goal/matchesConditions", null));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("status").asString()).isEqualTo("INCOMPLETE");
        assertThat(reply.json().get("level").isNull()).isTrue();
        assertThat(reply.json().get("missing").get(0).asString()).isEqualTo("/goal/matchesConditions");
    }

    @Test
    void unknownDecisionIs404ProblemJson() {
        Reply reply = api.get("/api/v1/decisions/no-such-id");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(404);
        assertThat(reply.json().get("title").asString()).isNotBlank();
    }

    @Test
    void listsDecisionsNewestFirstWithFiltersAndTotal() {
        for (Fixture fixture : Fixtures.workedCases()) {
            assertThat(api.post("/api/v1/decisions", fixture.request()).status()).isEqualTo(201);
        }

        JsonNode all = api.get("/api/v1/decisions?size=2").json();
        assertThat(all.get("total").asLong()).isEqualTo(4);
        assertThat(all.get("size").asInt()).isEqualTo(2);
        assertThat(all.get("items")).hasSize(2);
        assertThat(all.get("items").get(0).get("clientId").asString()).isEqualTo("DX-2020-004");

        JsonNode level3 = api.get("/api/v1/decisions?level=3&status=TIERED").json();
        assertThat(level3.get("total").asLong()).isEqualTo(2);
        assertThat(level3.get("items").valueStream().map(d -> d.get("level").asInt())).containsOnly(3);

        JsonNode wang = api.get("/api/v1/decisions?clientId=DX-2020-002").json();
        assertThat(wang.get("items")).hasSize(1);
    }

    @Test
    void rejectsInvalidListParameters() {
        for (String query : List.of("level=4", "size=0", "size=101", "page=-1", "status=MAYBE", "clientId=a%24b")) {
            Reply reply = api.get("/api/v1/decisions?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.header("Content-Type")).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheFirstDecisionAndStoresOnce() {
        Reply first = api.post("/api/v1/decisions", tao(), "Idempotency-Key", "intake-42");
        Reply second = api.post("/api/v1/decisions", tao(), "Idempotency-Key", "intake-42");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(mongo.getCollection("decisions").countDocuments()).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIs422AndStoresNothingNew() {
        api.post("/api/v1/decisions", tao(), "Idempotency-Key", "intake-43");

        Reply reply = api.post("/api/v1/decisions", Fixtures.with(tao(), "/age", 24), "Idempotency-Key", "intake-43");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(mongo.getCollection("decisions").countDocuments()).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneDecision() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Reply>> retries = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                retries.add(() -> api.post("/api/v1/decisions", tao(), "Idempotency-Key", "burst-1"));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Reply> reply : pool.invokeAll(retries)) {
                assertThat(reply.get().status()).isEqualTo(201);
                ids.add(reply.get().json().get("decisionId").asString());
            }
            assertThat(ids).hasSize(1);
            assertThat(mongo.getCollection("decisions").countDocuments()).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void overlongIdempotencyKeyIs400() {
        Reply reply = api.post("/api/v1/decisions", tao(), "Idempotency-Key", "k".repeat(256));

        assertThat(reply.status()).isEqualTo(400);
        JsonNode error = reply.json().get("errors").get(0);
        assertThat(error.get("header").asString()).as("a header is named as such").isEqualTo("Idempotency-Key");
        assertThat(error.get("pointer").asString()).as("a header is no part of the body").isEmpty();
        assertThat(stored()).isZero();
    }
}
