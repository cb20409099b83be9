package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.security.SecuredService.Caller;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What an operator reads with credentials: metrics to alert on and what runs, and nothing without them. */
class OperatorsViewIntegrationTests extends SecuredIntegrationTest {

    @Test
    void prometheusShowsDecisionsByLevelLatencyHistogramsRuleFiringsStoreTimingsAndRejections() {
        Caller intake = callers.get("INTAKE");
        assertThat(intake.post("/api/v1/decisions", "{\"clientId\": 1}").statusCode()).isEqualTo(400);

        HttpResponse<String> scrape = admin().get("/actuator/prometheus");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("pln_decisions_total\\{level=\"1\",ruleset=\"[^\"]+\",status=\"TIERED\"\\} [1-9]")
                .containsPattern("pln_decisions_total\\{level=\"3\",ruleset=\"[^\"]+\",status=\"TIERED\"\\} [2-9]")
                .contains("pln_decision_engine_seconds_bucket{")
                .contains("http_server_requests_seconds_bucket{")
                .containsPattern("pln_rules_fired_total\\{ruleId=\"L1-01\"\\} [1-9]")
                .containsPattern("pln_ruleset_active\\{version=\"[^\"]+\"\\} 1\\.0")
                .contains("mongodb_driver_commands_seconds")
                .contains("pln_jobs_running")
                .containsPattern("pln_requests_rejected_total\\{status=\"400\",type=\"[^\"]+\"\\} [1-9]");
        assertThat(callers.get("nobody").get("/actuator/prometheus").statusCode()).isEqualTo(401);
    }

    @Test
    void infoNamesTheBuildItsCommitAndTheActiveRuleSet() {
        JsonNode info = JSON.readTree(admin().get("/actuator/info").body());

        assertThat(info.get("build").get("version").asString()).isNotBlank();
        assertThat(info.get("ruleset").get("version").asString()).isNotBlank();
        assertThat(info.get("ruleset").get("checksum").asString()).startsWith("sha256:");
        assertThat(info.get("git").get("commit").get("id").asString()).as("built in a git clone").isNotBlank();
    }
}
