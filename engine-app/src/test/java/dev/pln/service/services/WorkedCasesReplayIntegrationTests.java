package dev.pln.service.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiIntegrationTest;
import dev.pln.service.ApiClient.Reply;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The definition of done, over real HTTP: the four worked cases replayed end to end (decision, each
 * service in the case's order, the follow-up that finds the client employed) give "served 4, employed 4, 100 %",
 * and an ineligible measure is refused with the rule that forbids it.
 */
class WorkedCasesReplayIntegrationTests extends ApiIntegrationTest {

    static JsonNode script() throws IOException {
        try (InputStream in = new ClassPathResource("demo/casework.json").getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void fourWorkedCasesReplayedThroughTheApiGiveServedFourEmployedFourAndAnIneligibleMeasureIsRefused()
            throws IOException {
        for (JsonNode kase : script().get("cases")) {
            String clientId = kase.get("clientId").asString();
            Reply decision = api.post("/api/v1/decisions", Fixtures.workedCase(kase.get("fixture").asString()).request());
            assertThat(decision.status()).as(clientId).isEqualTo(201);
            assertThat(decision.json().get("status").asString()).isEqualTo("TIERED");

            for (JsonNode service : kase.get("services")) {
                Reply delivered = api.post("/api/v1/clients/" + clientId + "/services", service);
                assertThat(delivered.status()).as(clientId + " " + service.get("measure")).isEqualTo(201);
                assertThat(delivered.json().get("serviceStatus").asString()).isEqualTo("IN_SERVICE");
            }
            Reply followUp = api.post("/api/v1/clients/" + clientId + "/follow-ups", kase.get("followUps").get(0));
            assertThat(followUp.status()).as(clientId).isEqualTo(201);
            assertThat(followUp.json().get("serviceStatus").asString()).isEqualTo("EMPLOYED");
            assertThat(followUp.json().get("nextPlan").isEmpty()).isTrue();

            JsonNode client = api.get("/api/v1/clients/" + clientId).json();
            assertThat(client.get("serviceStatus").asString()).isEqualTo("EMPLOYED");
            assertThat(client.get("services").valueStream().map(s -> s.get("measure").asString()))
                    .containsExactlyElementsOf(kase.get("services").valueStream().map(s -> s.get("measure").asString())
                            .toList());
        }

        JsonNode report = api.get("/api/v1/reports/outcomes").json();
        assertThat(report.get("total").get("served").asInt()).isEqualTo(4);
        assertThat(report.get("total").get("employed").asInt()).isEqualTo(4);
        assertThat(report.get("total").get("employmentRatePercent").asDouble()).isEqualTo(100.0);

        Reply refused = api.post("/api/v1/clients/DX-2020-001/services",
                "{\"measure\":\"N5\",\"deliveredOn\":\"2020-06-20\",\"by\":\"caseworker-017\",\"course\":\"技能培训\"}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("measure").asString()).isEqualTo("N5");
        assertThat(problem.get("level").asInt()).isEqualTo(1);
        assertThat(problem.get("ruleId").asString()).isEqualTo("EL-N5");
        assertThat(problem.get("detail").asString()).contains("技能培训仅适用于三级帮扶对象").contains("EL-N5");
        assertThat(api.get("/api/v1/clients/DX-2020-001").json().get("services").size()).isEqualTo(4);
    }
}
