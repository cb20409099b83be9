package dev.pln.service.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The live {@code /v3/api-docs}, with security on, read by a real validator (swagger-parser) and checked for what
 * an integrator relies on; the document is written to {@code target/openapi.json} for the generator step and for
 * anyone who wants to lint it with other tools.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDescriptionIntegrationTests {

    static final Path DOCUMENT = Path.of("target", "openapi.json");

    @DynamicPropertySource
    static void secured(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("pln-api-description");
        registry.add("pln.security.enabled", () -> "true");
        registry.add("pln.storage.data-dir", data::toString);
    }

    @LocalServerPort
    int port;

    String text;
    SwaggerParseResult parsed;
    OpenAPI api;

    @BeforeAll
    void fetchTheDocumentWithoutCredentials() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        text = response.body();
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, text);
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        parsed = new OpenAPIV3Parser().readContents(text, null, options);
        api = parsed.getOpenAPI();
    }

    Map<String, Operation> operations() {
        Map<String, Operation> operations = new TreeMap<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method + " " + path, operation)));
        return operations;
    }

    @Test
    void validatesWithoutMessages() {
        assertThat(api).isNotNull();
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api.getInfo().getTitle()).isEqualTo("PLN decision service");
        assertThat(api.getInfo().getVersion()).isNotBlank().isNotEqualTo("v0");
    }

    @Test
    void describesEveryOperationInTheTable() {
        assertThat(operations().keySet()).containsExactlyInAnyOrderElementsOf(ApiDescription.OPERATIONS.keySet());
    }

    @Test
    void givesEveryOperationAnIdATagSecurityAndProblemErrors() {
        List<String> faults = new ArrayList<>();
        TreeSet<String> ids = new TreeSet<>();
        operations().forEach((name, operation) -> {
            if (operation.getOperationId() == null || !ids.add(operation.getOperationId())
                    || operation.getOperationId().matches(".*_\\d+$")) {
                faults.add(name + ": operationId " + operation.getOperationId());
            }
            if (operation.getTags() == null || operation.getTags().isEmpty()
                    || operation.getTags().get(0).endsWith("-controller")) {
                faults.add(name + ": tags " + operation.getTags());
            }
            if (operation.getSecurity() == null || operation.getSecurity().size() != 3) {
                faults.add(name + ": security " + operation.getSecurity());
            }
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    if (!problem(response)) {
                        faults.add(name + " " + status + ": not problem+json");
                    }
                }
                if ((status.equals("201") || status.equals("202"))
                        && (response.getHeaders() == null || !response.getHeaders().containsKey("Location"))) {
                    faults.add(name + " " + status + ": no Location");
                }
            });
            for (String status : List.of("401", "403", "503")) {
                if (!operation.getResponses().containsKey(status)) {
                    faults.add(name + ": no " + status);
                }
            }
        });
        assertThat(faults).isEmpty();
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("basicAuth", "apiKey", "jwt");
    }

    @Test
    void namesTheStatusesTheDocsName() {
        Map<String, Operation> operations = operations();
        assertThat(operations.get("POST /api/v1/decisions/preview").getResponses()).containsKeys("200", "400");
        assertThat(operations.get("GET /api/v1/decisions/{decisionId}").getResponses()).containsKey("404");
        assertThat(operations.get("GET /api/v1/decisions").getResponses()).containsKey("400");
        assertThat(operations.get("GET /api/v1/clients/{clientId}").getResponses()).containsKey("404");
        assertThat(operations.get("POST /api/v1/decisions/{decisionId}/overrides").getResponses())
                .containsKey("201").doesNotContainKey("200");
        assertThat(operations.get("POST /api/v1/decisions/{decisionId}/flags").getResponses())
                .containsKey("201").doesNotContainKey("200");
        assertThat(operations.get("DELETE /api/v1/admin/users/{username}").getResponses()).containsKey("204");
        assertThat(operations.get("POST /api/v1/rulesets/{version}/impact").getResponses().get("202").getContent()
                .get("application/json").getSchema().get$ref()).endsWith("/JobView");
    }

    @Test
    void statesTheServersRulesForParametersAndResponses() {
        Operation decide = operations().get("POST /api/v1/decisions");
        Schema<?> key = decide.getParameters().stream().filter(p -> p.getName().equals("Idempotency-Key"))
                .findFirst().orElseThrow().getSchema();
        assertThat(key.getMaxLength()).isEqualTo(255);
        Schema<?> clientId = operations().get("GET /api/v1/clients/{clientId}").getParameters().get(0).getSchema();
        assertThat(clientId.getPattern()).isEqualTo("^[A-Za-z0-9_-]{1,64}$");
        assertThat("DX 2020/001 !!").doesNotMatch(clientId.getPattern());
        assertThat("DX-2020-001").matches(clientId.getPattern());

        Map<String, Schema> schemas = api.getComponents().getSchemas();
        assertThat(((Schema<?>) schemas.get("ClientFactsRequest").getProperties().get("clientId")).getPattern())
                .startsWith("^").endsWith("$");
        Schema<?> decision = schemas.get("DecisionView");
        assertThat(decision.getRequired()).contains("clientId", "status", "level", "explanation")
                .doesNotContain("decisionId");
        assertThat(((Schema<?>) decision.getProperties().get("level")).getNullable()).isTrue();
        assertThat(((Schema<?>) decision.getProperties().get("status")).getNullable()).isNotEqualTo(Boolean.TRUE);
        ApiDescription.MAY_BE_NULL.forEach((schema, properties) -> assertThat(schemas.get(schema))
                .as(schema).isNotNull().satisfies(found -> assertThat(found.getProperties()).containsKeys(
                        properties.toArray(String[]::new))));
    }

    private static boolean problem(ApiResponse response) {
        return response.getContent() != null && response.getContent().get(ApiDescription.PROBLEM_JSON) != null
                && "#/components/schemas/Problem".equals(
                        response.getContent().get(ApiDescription.PROBLEM_JSON).getSchema().get$ref());
    }
}
