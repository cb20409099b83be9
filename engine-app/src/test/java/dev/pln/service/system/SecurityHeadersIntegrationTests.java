package dev.pln.service.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiClient.Reply;
import dev.pln.service.ApiIntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Browser security headers on every kind of response, and pages that need no inline script or style. */
class SecurityHeadersIntegrationTests extends ApiIntegrationTest {

    static void assertSecurityHeaders(Reply reply) {
        String policy = reply.header("Content-Security-Policy");
        assertThat(policy).as("Content-Security-Policy").isNotNull();
        assertThat(policy.split(";\\s*")).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'");
        assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void apiResponsesCarryTheSecurityHeaders() {
        Reply created = api.post("/api/v1/decisions", Fixtures.workedCase("case-1-tao").request());
        assertThat(created.status()).isEqualTo(201);
        assertSecurityHeaders(created);
        Reply list = api.get("/api/v1/decisions");
        assertThat(list.status()).isEqualTo(200);
        assertSecurityHeaders(list);
    }

    @Test
    void errorResponsesCarryTheSecurityHeaders() {
        Reply invalid = api.post("/api/v1/decisions", "{\"clientId\": 1}");
        assertThat(invalid.status()).isEqualTo(400);
        assertSecurityHeaders(invalid);
        Reply missing = api.get("/api/v1/decisions/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertSecurityHeaders(missing);
        Reply noRoute = api.get("/no/such/path");
        assertThat(noRoute.status()).isEqualTo(404);
        assertSecurityHeaders(noRoute);
        Reply tooLarge = api.post("/api/v1/decisions", "x".repeat(1024 * 1024 + 1));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertSecurityHeaders(tooLarge);
        Reply wrongMethod = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/decisions"))
                .DELETE().build());
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertSecurityHeaders(wrongMethod);
    }

    @Test
    void reviewerPagesCarryTheSecurityHeadersAndNeedNoInlineScriptOrStyle() {
        String decisionId = api.post("/api/v1/decisions", Fixtures.workedCase("case-2-wang").request()).json()
                .get("decisionId").asString();

        for (String page : List.of("/review/decisions", "/review/decisions/" + decisionId,
                "/review/decisions/" + decisionId + "/sheet", "/review/overview")) {
            Reply reply = api.get(page);
            assertThat(reply.status()).as(page).isEqualTo(200);
            assertSecurityHeaders(reply);
            assertThat(reply.body()).as(page).contains("<link rel=\"stylesheet\" href=\"/css/review.css\">")
                    .doesNotContain("<script", "<style", " style=", "javascript:")
                    .doesNotContainPattern("\\son[a-z]+\\s*=");
        }
        Reply styleSheet = api.get("/css/review.css");
        assertThat(styleSheet.status()).isEqualTo(200);
        assertThat(styleSheet.header("Content-Type")).startsWith("text/css");
        assertSecurityHeaders(styleSheet);
    }

    @Test
    void swaggerUiIsServedUnderTheSamePolicy() {
        Reply page = api.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertSecurityHeaders(page);
        assertThat(page.body()).doesNotContainPattern("<script>|<script [^>]*>\\s*[^<\\s]");
    }
}
