package dev.pln.service.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiIntegrationTest;
import dev.pln.service.ApiClient.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClientApiIntegrationTests extends ApiIntegrationTest {

    @Test
    void showsLatestFactsCurrentDecisionAndHistoryNewestFirst() {
        JsonNode li = Fixtures.workedCase("case-3-li").request();
        String first = api.post("/api/v1/decisions", li).json().get("decisionId").asString();
        // Re-assessment after N1 guidance: Li now has a clear goal that fits her conditions.
        JsonNode reassessed = Fixtures.with(Fixtures.with(li, "/goal/clarity", "CLEAR"), "/goal/matchesConditions",
                true);
        String second = api.post("/api/v1/decisions", reassessed).json().get("decisionId").asString();

        Reply reply = api.get("/api/v1/clients/DX-2019-003");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode client = reply.json();
        assertThat(client.get("clientId").asString()).isEqualTo("DX-2019-003");
        assertThat(client.get("level").asInt()).isEqualTo(1);
        assertThat(client.get("status").asString()).isEqualTo("TIERED");
        assertThat(client.get("facts").get("goal").get("clarity").asString()).isEqualTo("CLEAR");
        assertThat(client.get("currentDecision").get("decisionId").asString()).isEqualTo(second);
        assertThat(client.get("history").valueStream().map(h -> h.get("decisionId").asString()))
                .containsExactly(second, first);
        assertThat(client.get("history").get(1).get("level").asInt()).isEqualTo(3);
        assertThat(client.get("createdAt").asString()).isNotBlank();
    }

    @Test
    void listsTheClientsDecisionsNewestFirst() {
        JsonNode tao = Fixtures.workedCase("case-1-tao").request();
        api.post("/api/v1/decisions", tao);
        api.post("/api/v1/decisions", Fixtures.with(tao, "/willingness", "UNDECIDED"));
        api.post("/api/v1/decisions", Fixtures.workedCase("case-2-wang").request());

        JsonNode page = api.get("/api/v1/clients/DX-2020-001/decisions").json();

        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items").valueStream().map(d -> d.get("status").asString()))
                .containsExactly("NOT_TIERED", "TIERED");
    }

    @Test
    void idempotentRetriesDoNotDuplicateHistory() {
        JsonNode tao = Fixtures.workedCase("case-1-tao").request();
        api.post("/api/v1/decisions", tao, "Idempotency-Key", "k-1");
        api.post("/api/v1/decisions", tao, "Idempotency-Key", "k-1");

        assertThat(api.get("/api/v1/clients/DX-2020-001").json().get("history")).hasSize(1);
    }

    @Test
    void unknownClientIs404ProblemJson() {
        for (String path : new String[] { "/api/v1/clients/NOPE", "/api/v1/clients/NOPE/decisions" }) {
            Reply reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
