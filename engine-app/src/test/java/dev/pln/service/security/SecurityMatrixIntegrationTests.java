package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.security.SecuredService.Caller;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;

/**
 * With security on: every endpoint and page, called with no credentials and as each role, is allowed exactly
 * for the roles of its row in docs/security.md; the first-start credentials exist and work.
 */
class SecurityMatrixIntegrationTests extends SecuredIntegrationTest {

    String tao;

    @BeforeAll
    void taosDecision() {
        tao = decisionOf.get("case-1-tao");
    }

    @Test
    void theFirstStartCredentialsAreInTheDataDirectoryReadableByTheOwnerOnly() throws Exception {
        var file = SecuredService.DATA_DIR.resolve("initial-credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        JsonNode initial = JSON.readTree(Files.readString(file));
        assertThat(initial.get("username").asString()).isEqualTo("admin");
        assertThat(initial.get("password").asString()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(initial.get("apiKey").asString()).startsWith("pln_");
        assertThat(callers.get("ADMIN").get("/api/v1/admin/audit/verify").statusCode()).isEqualTo(200);
    }

    /** One endpoint or page and the roles its row allows. */
    record Row(String method, String path, String body, Set<String> allowed) {
    }

    static final Set<String> EVERY_ROLE = Set.of("INTAKE", "CASEWORKER", "REVIEWER", "POLICY_OFFICER", "ADMIN");
    static final Set<String> EVERYONE = Set.of("nobody", "INTAKE", "CASEWORKER", "REVIEWER", "POLICY_OFFICER",
            "ADMIN");
    static final Set<String> WITH_PASSWORD = Set.of("CASEWORKER", "REVIEWER", "POLICY_OFFICER", "ADMIN");

    List<Row> rows() {
        String facts = Fixtures.workedCase("case-1-tao").request().toString();
        String client = "/api/v1/clients/DX-2020-001";
        String decision = "/api/v1/decisions/" + tao;
        String page = "/review/decisions/" + tao;
        return List.of(
                // Intake systems and caseworkers (the assessments they make) post decisions.
                new Row("POST", "/api/v1/decisions", facts, Set.of("INTAKE", "CASEWORKER", "ADMIN")),
                new Row("POST", "/api/v1/decisions/preview", facts, Set.of("INTAKE", "CASEWORKER", "ADMIN")),
                new Row("GET", "/api/v1/decisions", null, Set.of("INTAKE", "CASEWORKER", "REVIEWER", "ADMIN")),
                new Row("GET", decision, null, Set.of("INTAKE", "CASEWORKER", "REVIEWER", "ADMIN")),
                new Row("GET", decision + "/counterfactuals", null, Set.of("CASEWORKER", "REVIEWER", "ADMIN")),
                new Row("POST", decision + "/overrides",
                        "{\"level\": 2, \"reasonCode\": \"NEEDS_MORE_SUPPORT\", \"reason\": \"家庭变故\"}",
                        Set.of("CASEWORKER", "ADMIN")),
                new Row("POST", decision + "/overrides/no-such/confirm", "{}", Set.of("CASEWORKER", "ADMIN")),
                new Row("POST", decision + "/flags", "{\"comment\": \"请复核\"}", Set.of("REVIEWER", "ADMIN")),
                new Row("POST", decision + "/replay", "{\"ruleset\": \"original\"}",
                        Set.of("POLICY_OFFICER", "REVIEWER", "ADMIN")),
                new Row("GET", client, null, Set.of("CASEWORKER", "ADMIN")),
                new Row("GET", client + "/decisions", null, Set.of("CASEWORKER", "ADMIN")),
                new Row("POST", client + "/services",
                        "{\"measure\": \"N2\", \"deliveredOn\": \"2020-06-10\", \"content\": \"政策讲解\"}",
                        Set.of("CASEWORKER", "ADMIN")),
                new Row("POST", client + "/follow-ups",
                        "{\"date\": \"2020-06-20\", \"kind\": \"AFTER_RECOMMENDATION\", \"employed\": false}",
                        Set.of("CASEWORKER", "ADMIN")),
                new Row("GET", "/api/v1/follow-ups/due?before=2030-01-01", null, Set.of("CASEWORKER", "ADMIN")),
                new Row("GET", "/api/v1/reports/outcomes", null, Set.of("REVIEWER", "POLICY_OFFICER", "ADMIN")),
                new Row("GET", "/api/v1/rulesets", null, Set.of("REVIEWER", "POLICY_OFFICER", "ADMIN")),
                new Row("GET", "/api/v1/rulesets/active", null, Set.of("REVIEWER", "POLICY_OFFICER", "ADMIN")),
                new Row("POST", "/api/v1/rulesets", "{}", Set.of("POLICY_OFFICER", "ADMIN")),
                new Row("POST", "/api/v1/rulesets/no-such/activate", "{\"reason\": \"test\"}",
                        Set.of("POLICY_OFFICER", "ADMIN")),
                new Row("GET", "/api/v1/rulesets/no-such", null, Set.of("REVIEWER", "POLICY_OFFICER", "ADMIN")),
                new Row("GET", "/api/v1/rulesets/no-such/audit", null, Set.of("REVIEWER", "POLICY_OFFICER", "ADMIN")),
                new Row("POST", "/api/v1/rulesets/no-such/impact", "{}", Set.of("POLICY_OFFICER", "ADMIN")),
                new Row("GET", "/api/v1/jobs/no-such", null, Set.of("POLICY_OFFICER", "ADMIN")),
                new Row("GET", "/api/v1/admin/audit", null, Set.of("ADMIN")),
                new Row("GET", "/api/v1/admin/audit/verify", null, Set.of("ADMIN")),
                new Row("POST", "/api/v1/admin/users", "{}", Set.of("ADMIN")),
                new Row("GET", "/api/v1/admin/users", null, Set.of("ADMIN")),
                new Row("GET", "/api/v1/admin/users/no-such", null, Set.of("ADMIN")),
                new Row("PUT", "/api/v1/admin/users/no-such", "{\"roles\": [\"REVIEWER\"]}", Set.of("ADMIN")),
                new Row("PUT", "/api/v1/admin/users/no-such/password", "{\"password\": \"long enough password\"}",
                        Set.of("ADMIN")),
                new Row("DELETE", "/api/v1/admin/users/no-such", null, Set.of("ADMIN")),
                new Row("GET", "/api/v1/admin/api-keys", null, Set.of("ADMIN")),
                new Row("POST", "/api/v1/admin/api-keys", "{}", Set.of("ADMIN")),
                new Row("DELETE", "/api/v1/admin/api-keys/no-such", null, Set.of("ADMIN")),
                new Row("POST", "/api/v1/admin/retention/run", null, Set.of("ADMIN")),
                new Row("GET", "/api/v1/admin/exports/decisions", null, Set.of("ADMIN")),
                new Row("GET", "/review", null, Set.of("CASEWORKER", "REVIEWER", "ADMIN")),
                new Row("GET", "/review/decisions", null, Set.of("CASEWORKER", "REVIEWER", "ADMIN")),
                new Row("GET", page, null, Set.of("CASEWORKER", "REVIEWER", "ADMIN")),
                new Row("GET", page + "/sheet", null, Set.of("CASEWORKER", "REVIEWER", "ADMIN")),
                new Row("GET", "/review/overview", null, Set.of("CASEWORKER", "REVIEWER", "ADMIN")),
                new Row("FORM", page + "/flags", "comment=请复核", Set.of("REVIEWER", "ADMIN")),
                new Row("FORM", page + "/overrides", "level=3&reasonCode=NEEDS_MORE_SUPPORT&reason=家庭变故",
                        Set.of("CASEWORKER", "ADMIN")),
                new Row("FORM", page + "/overrides/no-such/confirm", "", Set.of("CASEWORKER", "ADMIN")),
                // Users with a password change it; a key has none (403), nobody is asked to sign in (401).
                new Row("PUT", "/api/v1/account/password", "{\"currentPassword\": \"wrong\"}", WITH_PASSWORD),
                new Row("GET", "/account/password", null, WITH_PASSWORD),
                new Row("FORM", "/account/password", "currentPassword=x&newPassword=a&repeated=b", WITH_PASSWORD),
                // The API description holds no client's data: everyone, strangers included.
                new Row("GET", "/v3/api-docs", null, EVERYONE),
                new Row("GET", "/swagger-ui.html", null, EVERYONE),
                new Row("GET", "/actuator/info", null, EVERY_ROLE),
                new Row("GET", "/actuator/prometheus", null, EVERY_ROLE),
                new Row("GET", "/actuator/health", null, EVERYONE),
                new Row("GET", "/login", null, EVERYONE));
    }

    @Test
    void everyEndpointAndPageAnswersExactlyTheRolesOfItsRow() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            for (Map.Entry<String, Caller> caller : callers.entrySet()) {
                HttpResponse<String> response = call(caller.getValue(), row);
                int status = response.statusCode();
                boolean denied = status == 401 || status == 403
                        || status == 302 && response.headers().firstValue("Location").orElse("").endsWith("/login");
                boolean expected = row.allowed().contains(caller.getKey());
                if (status >= 500 || denied == expected) {
                    wrong.add(row.method() + " " + row.path() + " as " + caller.getKey() + ": " + status
                            + (expected ? " (should be allowed)" : " (should be denied)"));
                }
                else if (!expected && caller.getKey().equals("nobody") && row.path().startsWith("/api/")) {
                    // Without a session cookie either (this caller has one, from the pages), the answer is 401.
                    int fresh = call(Caller.nobody(port), row).statusCode();
                    if (fresh != 401) {
                        wrong.add(row.method() + " " + row.path() + " without credentials: " + fresh + " (not 401)");
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    /** The matrix cannot fall behind the code: every endpoint and page of ours has a row. */
    @Test
    void everyEndpointAndPageOfTheServiceHasARow() {
        List<String> missing = new ArrayList<>();
        handlers.getHandlerMethods().forEach((mapping, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dev.pln.service")
                    || mapping.getPathPatternsCondition() == null) {
                return;
            }
            for (PathPattern pattern : mapping.getPathPatternsCondition().getPatterns()) {
                if (pattern.getPatternString().equals("/error") || pattern.getPatternString().endsWith("/")) {
                    continue;
                }
                Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
                    boolean covered = rows().stream().anyMatch(row -> method.name()
                            .equals(row.method().equals("FORM") ? "POST" : row.method())
                            && pattern.matches(PathContainer.parsePath(row.path().replaceAll("\\?.*", ""))));
                    if (!covered) {
                        missing.add(method + " " + pattern.getPatternString());
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
        assertThat(handlers.getHandlerMethods()).hasSizeGreaterThan(40);
    }

    @Test
    void withoutCredentialsAnApiCallIs401ProblemJsonAndAPageGoesToTheLoginForm() {
        HttpResponse<String> api = callers.get("nobody").get("/api/v1/decisions");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.headers().firstValue("WWW-Authenticate").orElse("")).contains("Basic");
        HttpResponse<String> page = callers.get("nobody").get("/review/decisions");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
        HttpResponse<String> login = callers.get("nobody").get("/login");
        assertThat(login.body()).contains("name=\"_csrf\"", "name=\"username\"", "name=\"password\"");
    }

    @Test
    void aWrongKeyOrPasswordIs401() {
        assertThat(Caller.bearer(port, "pln_not-a-key").get("/api/v1/decisions").statusCode()).isEqualTo(401);
        assertThat(Caller.basic(port, "reviewer", "wrong password").get("/api/v1/decisions").statusCode())
                .isEqualTo(401);
    }

    HttpResponse<String> call(Caller caller, Row row) {
        return switch (row.method()) {
            case "GET" -> caller.get(row.path());
            case "DELETE" -> caller.delete(row.path());
            case "PUT" -> caller.put(row.path(), row.body());
            case "FORM" -> caller.postForm(row.path().replaceAll("/(flags|overrides(/[^/]+/confirm)?)$", ""),
                    row.path(), row.body());
            default -> caller.post(row.path(), row.body());
        };
    }
}
