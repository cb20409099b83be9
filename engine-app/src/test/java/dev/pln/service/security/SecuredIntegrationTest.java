package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.security.SecuredService.Caller;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service with security on (one context for every class that extends this), its first-start admin and intake
 * key, one user per role for the whole district, and the four worked cases decided by the intake key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SecuredIntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PASSWORD = "correct horse battery";

    @DynamicPropertySource
    static void secured(DynamicPropertyRegistry registry) {
        SecuredService.register(registry);
    }

    @LocalServerPort
    int port;

    final Map<String, Caller> callers = new LinkedHashMap<>();
    final Map<String, String> decisionOf = new HashMap<>();
    JsonNode initial;

    @BeforeAll
    void signInEveryRoleAndDecideTheWorkedCases() throws Exception {
        initial = JSON.readTree(Files.readString(SecuredService.DATA_DIR.resolve("initial-credentials.json")));
        Caller admin = Caller.basic(port, "admin", initial.get("password").asString());
        for (String role : List.of("CASEWORKER", "REVIEWER", "POLICY_OFFICER")) {
            createUser(admin, role.toLowerCase(), List.of(role), null);
            callers.put(role, Caller.basic(port, role.toLowerCase(), PASSWORD));
        }
        callers.put("INTAKE", Caller.bearer(port, initial.get("apiKey").asString()));
        callers.put("ADMIN", admin);
        callers.put("nobody", Caller.nobody(port));
        for (String fixture : List.of("case-1-tao", "case-2-wang", "case-3-li", "case-4-dong")) {
            HttpResponse<String> decided = callers.get("INTAKE").send("POST", "/api/v1/decisions",
                    "application/json", Fixtures.workedCase(fixture).request().toString());
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
            decisionOf.put(fixture, JSON.readTree(decided.body()).get("decisionId").asString());
        }
    }

    /** Creates a user (or finds it made by an earlier class) and returns a caller signed in as it. */
    Caller createUser(Caller admin, String username, List<String> roles, Map<String, String> jurisdiction) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("password", PASSWORD);
        user.put("roles", roles);
        if (jurisdiction != null) {
            user.put("jurisdiction", jurisdiction);
        }
        HttpResponse<String> created = admin.post("/api/v1/admin/users", JSON.writeValueAsString(user));
        assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
        return Caller.basic(port, username, PASSWORD);
    }

    Caller admin() {
        return callers.get("ADMIN");
    }
}
