package dev.pln.service.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiClient.Reply;
import dev.pln.service.ApiIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EvaluationExportIntegrationTests extends ApiIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void oneLinePerDecisionWithOutcomesAndNoDirectIdentifiers() {
        for (String fixture : List.of("case-1-tao", "case-2-wang", "case-3-li", "case-4-dong")) {
            assertThat(api.post("/api/v1/decisions", Fixtures.workedCase(fixture).request()).status()).isEqualTo(201);
        }
        assertThat(api.post("/api/v1/clients/DX-2020-001/services", Map.of("measure", "N2", "deliveredOn",
                "2020-06-10", "by", "caseworker-017", "content", "政策讲解")).status()).isEqualTo(201);

        Reply export = api.get("/api/v1/admin/exports/decisions", "X-Admin-Token", ADMIN_TOKEN);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(4);
        for (String fixture : List.of("case-1-tao", "case-2-wang", "case-3-li", "case-4-dong")) {
            JsonNode facts = Fixtures.workedCase(fixture).request();
            assertThat(export.body()).as(fixture).doesNotContain(facts.get("name").asString(),
                    facts.get("clientId").asString());
            if (facts.get("jurisdiction").has("village")) {
                assertThat(export.body()).doesNotContain(facts.get("jurisdiction").get("village").asString());
            }
        }
        assertThat(export.body()).doesNotContain("政策讲解", "\"sex\"", "\"health\"", "\"lowIncome\"", "\"name\"",
                "\"decisionId\"", "\"clientId\"");

        List<JsonNode> parsed = lines.stream().map(JSON::readTree).toList();
        JsonNode tao = parsed.stream().filter(line -> line.get("outcome").get("served").asBoolean()).findFirst()
                .orElseThrow();
        assertThat(tao.get("subject").asString()).matches("[0-9a-f]{16}");
        assertThat(tao.get("decision").asString()).matches("[0-9a-f]{16}");
        assertThat(tao.get("decidedOn").asString()).matches("\\d{4}-\\d\\d-\\d\\d");
        assertThat(tao.get("level").asInt()).isEqualTo(1);
        assertThat(tao.get("ageBand").asString()).isEqualTo("21-25");
        assertThat(tao.get("firedRules")).isNotEmpty();
        assertThat(tao.get("outcome").get("measuresDelivered").get("N2").asInt()).isEqualTo(1);
        assertThat(parsed.stream().map(line -> line.get("subject").asString()).distinct()).hasSize(4);
    }

    @Test
    void theExportNeedsTheAdminToken() {
        assertThat(api.get("/api/v1/admin/exports/decisions").status()).isEqualTo(403);
    }

    @Test
    void ageBandsAreFiveYearsWide() {
        assertThat(EvaluationExport.ageBand(16)).isEqualTo("16-20");
        assertThat(EvaluationExport.ageBand(23)).isEqualTo("21-25");
        assertThat(EvaluationExport.ageBand(60)).isEqualTo("56-60");
        assertThat(EvaluationExport.ageBand(61)).isEqualTo("61+");
        assertThat(EvaluationExport.ageBand(15)).isEqualTo("<16");
        assertThat(EvaluationExport.ageBand(null)).isNull();
    }
}
