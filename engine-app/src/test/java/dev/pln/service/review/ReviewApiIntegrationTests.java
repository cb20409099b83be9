package dev.pln.service.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiIntegrationTest;
import dev.pln.service.ApiClient.Reply;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReviewApiIntegrationTests extends ApiIntegrationTest {

    String decided(String workedCase) {
        return api.post("/api/v1/decisions", Fixtures.workedCase(workedCase).request()).json().get("decisionId")
                .asString();
    }

    @Test
    void showsWangsCounterfactualsAsJson() {
        String wang = decided("case-2-wang");

        Reply reply = api.get("/api/v1/decisions/" + wang + "/counterfactuals");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.get("decisionId").asString()).isEqualTo(wang);
        assertThat(report.get("level").asInt()).isEqualTo(2);
        assertThat(report.get("rulesetVersion").asString()).isEqualTo("1.0.0");
        JsonNode path = report.get("paths").get(0);
        assertThat(path.get("toLevel").asInt()).isEqualTo(1);
        assertThat(path.get("decidingRuleId").asString()).isEqualTo("L1-01");
        assertThat(path.get("changes").valueStream().map(c -> c.get("field").asString()))
                .containsExactlyInAnyOrder("/goal/matchesConditions", "/attitudes/misconceptions");
    }

    @Test
    void answersUnknownDecisionsWith404() {
        assertThat(api.get("/api/v1/decisions/nope/counterfactuals").status()).isEqualTo(404);
        Reply override = api.post("/api/v1/decisions/nope/overrides",
                Map.of("level", 3, "reasonCode", "NEEDS_MORE_SUPPORT", "reason", "x", "by", "cw-1"));
        assertThat(override.status()).isEqualTo(404);
        assertThat(override.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/decisions/nope/flags", Map.of("comment", "x", "by", "r-1")).status())
                .isEqualTo(404);
    }

    @Test
    void aHigherLevelTakesEffectAtOnceAndTheClientShowsBothLevels() {
        String wang = decided("case-2-wang");

        Reply reply = api.post("/api/v1/decisions/" + wang + "/overrides", Map.of("level", 3, "reasonCode",
                "NEEDS_MORE_SUPPORT", "reason", "面谈发现需要技能培训", "by", "cw-017"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("overrideId").asString()).isNotBlank();
        assertThat(reply.json().get("status").asString()).isEqualTo("EFFECTIVE");
        JsonNode client = api.get("/api/v1/clients/DX-2020-002").json();
        assertThat(client.get("level").asInt()).isEqualTo(2);
        assertThat(client.get("effectiveLevel").asInt()).isEqualTo(3);
    }

    @Test
    void aLowerLevelStaysPendingUntilASecondPersonConfirmsIt() {
        String wang = decided("case-2-wang");
        String overrideId = api.post("/api/v1/decisions/" + wang + "/overrides", Map.of("level", 1, "reasonCode",
                "JOB_OFFER_IN_HAND", "reason", "已收到新媒体岗位录用意向", "by", "cw-017")).json().get("overrideId")
                .asString();

        assertThat(api.get("/api/v1/clients/DX-2020-002").json().get("effectiveLevel").asInt()).isEqualTo(2);
        Reply self = api.post("/api/v1/decisions/" + wang + "/overrides/" + overrideId + "/confirm",
                Map.of("by", "cw-017"));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/by");

        Reply confirmed = api.post("/api/v1/decisions/" + wang + "/overrides/" + overrideId + "/confirm",
                Map.of("by", "cw-002"));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("EFFECTIVE");
        assertThat(confirmed.json().get("confirmedBy").asString()).isEqualTo("cw-002");
        assertThat(api.get("/api/v1/clients/DX-2020-002").json().get("effectiveLevel").asInt()).isEqualTo(1);
        assertThat(api.post("/api/v1/decisions/" + wang + "/overrides/" + overrideId + "/confirm",
                Map.of("by", "cw-003")).status()).isEqualTo(422);
    }

    @Test
    void rejectsALowerLevelWithAReasonThatMayNotLowerIt() {
        String wang = decided("case-2-wang");

        Reply reply = api.post("/api/v1/decisions/" + wang + "/overrides",
                Map.of("level", 1, "reasonCode", "NEEDS_MORE_SUPPORT", "reason", "x", "by", "cw-017"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/reasonCode");
    }

    @Test
    void rejectsInvalidOverridesAndFlagsAsProblems() {
        String wang = decided("case-2-wang");
        String overrides = "/api/v1/decisions/" + wang + "/overrides";

        assertThat(api.post(overrides, Map.of("level", 4, "reasonCode", "FACTS_CHANGED", "reason", "x", "by", "a"))
                .status()).isEqualTo(400);
        assertThat(api.post(overrides, Map.of("level", 3, "reasonCode", "BECAUSE", "reason", "x", "by", "a"))
                .status()).isEqualTo(400);
        assertThat(api.post(overrides, Map.of("level", 3, "reasonCode", "FACTS_CHANGED", "reason", " ", "by", "a"))
                .status()).isEqualTo(400);
        assertThat(api.post(overrides, Map.of("level", 2, "reasonCode", "FACTS_CHANGED", "reason", "x", "by", "a"))
                .status()).isEqualTo(400);
        Reply unknown = api.post(overrides, Map.of("level", 3, "reasonCode", "FACTS_CHANGED", "reason", "x", "by",
                "a", "approved", true));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/decisions/" + wang + "/flags", Map.of("comment", "", "by", "r-1")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/decisions/" + wang + "/flags", Map.of("comment", "x", "by", "r-1", "x", 1))
                .status()).isEqualTo(400);
    }

    @Test
    void refusesToOverrideADecisionWithoutALevel() {
        String undecided = api.post("/api/v1/decisions",
                Fixtures.with(Fixtures.workedCase("case-1-tao").request(), "/willingness", "UNDECIDED")).json()
                .get("decisionId").asString();

        assertThat(api.post("/api/v1/decisions/" + undecided + "/overrides", Map.of("level", 3, "reasonCode",
                "NEEDS_MORE_SUPPORT", "reason", "x", "by", "cw-1")).status()).isEqualTo(422);
    }

    @Test
    void recordsAFlagWithWhoAndWhen() {
        String li = decided("case-3-li");

        Reply reply = api.post("/api/v1/decisions/" + li + "/flags",
                Map.of("comment", "年龄障碍的记录需要核实", "by", "reviewer-3"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("flagId").asString()).isNotBlank();
        assertThat(reply.json().get("by").asString()).isEqualTo("reviewer-3");
        assertThat(reply.json().get("at").asString()).isNotBlank();
    }
}
