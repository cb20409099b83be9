package dev.pln.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** What operators and other tools rely on besides the decision endpoints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OperationsIntegrationTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        InMemoryStore.register(registry);
        registry.add("pln.security.enabled", () -> "false"); // the explicit opt-out; secured: security package
    }

    @LocalServerPort
    int port;

    @Test
    void exposesOnlyHealthAndInfo() {
        ApiClient api = new ApiClient(port);

        assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/info").status()).isEqualTo(200);
        for (String hidden : new String[] { "/actuator/env", "/actuator/beans", "/actuator/configprops",
                "/actuator/heapdump", "/actuator/mappings" }) {
            assertThat(api.get(hidden).status()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void publishesAnOpenApiDocumentOfTheContract() {
        ApiClient api = new ApiClient(port);
        JsonNode openApi = api.get("/v3/api-docs").json();

        assertThat(openApi.get("paths").propertyNames()).contains("/api/v1/decisions", "/api/v1/decisions/preview",
                "/api/v1/decisions/{decisionId}", "/api/v1/clients/{clientId}",
                "/api/v1/clients/{clientId}/decisions");
        assertThat(openApi.get("paths").get("/api/v1/decisions").get("post").get("responses").has("201")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void neverLogsPersonalData(CapturedOutput output) {
        ApiClient api = new ApiClient(port);
        String name = "独一无二的测试姓名";
        JsonNode facts = Fixtures.with(Fixtures.with(Fixtures.workedCase("case-4-dong").request(), "/name", name),
                "/clientId", "LOG-CHECK-1");

        Reply stored = api.post("/api/v1/decisions", facts);
        api.post("/api/v1/decisions", Fixtures.with(facts, "/age", "not a number"));
        api.get("/api/v1/clients/LOG-CHECK-1");

        assertThat(stored.status()).isEqualTo(201);
        assertThat(output.getAll()).doesNotContain(name).doesNotContain("lowIncome");
    }
}
