package dev.pln.service.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiClient.Reply;
import dev.pln.service.ApiIntegrationTest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class RetentionIntegrationTests extends ApiIntegrationTest {

    static final String TAO = "DX-2020-001";
    static final String WANG = "DX-2020-002";

    @Autowired
    Retention retention;

    String decide(String fixture) {
        Reply reply = api.post("/api/v1/decisions", Fixtures.workedCase(fixture).request());
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("decisionId").asString();
    }

    Map<String, Object> followUp(String date, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("date", date);
        body.put("by", "caseworker-017");
        body.put("kind", kind);
        body.put("employed", true);
        body.put("startedOn", "2020-06-29");
        body.put("contract", "FORMAL");
        body.put("employer", "某生物科技公司");
        body.put("position", "实验员");
        body.put("note", "本人满意,继续跟进");
        return body;
    }

    /** Tao is recommended, takes the job, and is still in it at three and six months: the case closes. */
    void closeTaosCase() {
        assertThat(api.post("/api/v1/clients/" + TAO + "/services", Map.of("measure", "N3", "deliveredOn",
                "2020-06-17", "by", "caseworker-017", "recommendation", "DIRECT", "meeting", "MATCHMAKING_FAIR",
                "content", "推荐到某生物科技公司面试")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/clients/" + TAO + "/follow-ups", followUp("2020-07-01", "AFTER_RECOMMENDATION"))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/v1/clients/" + TAO + "/follow-ups", followUp("2020-09-29", "RETENTION_3M"))
                .status()).isEqualTo(201);
        Reply closed = api.post("/api/v1/clients/" + TAO + "/follow-ups", followUp("2020-12-29", "RETENTION_6M"));
        assertThat(closed.status()).isEqualTo(201);
        assertThat(closed.json().get("serviceStatus").asString()).isEqualTo("CLOSED");
    }

    @Test
    void pastThePeriodAClosedCaseIsPseudonymisedAndStillReplaysTheSame() {
        String decisionId = decide("case-1-tao");
        closeTaosCase();
        JsonNode before = api.get("/api/v1/decisions/" + decisionId).json();
        assertThat(before.get("facts").get("name").asString()).isEqualTo("陶某某");

        Retention.Sweep sweep = retention.sweep(LocalDate.of(2023, 1, 1));

        assertThat(sweep.clients()).isEqualTo(1);
        assertThat(sweep.decisions()).isEqualTo(1);
        JsonNode after = api.get("/api/v1/decisions/" + decisionId).json();
        assertThat(after.get("facts").get("name").asString()).matches("假名-[0-9a-f]{16}");
        assertThat(after.get("facts").get("jurisdiction").get("village").asString()).isEqualTo("已假名化");
        assertThat(after.get("facts").get("jurisdiction").get("town"))
                .isEqualTo(before.get("facts").get("jurisdiction").get("town"));
        for (String kept : List.of("status", "level", "problems", "barriers", "eligibleMeasures", "plan",
                "explanation", "ruleset", "decidedAt")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
        Reply replay = api.post("/api/v1/decisions/" + decisionId + "/replay", Map.of("ruleset", "original"));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("differences")).as("replay of pseudonymised facts").isEmpty();

        JsonNode client = api.get("/api/v1/clients/" + TAO).json();
        assertThat(client.toString()).doesNotContain("陶某某", "某生物科技公司", "实验员", "本人满意",
                "推荐到某生物科技公司面试");
        assertThat(client.get("serviceStatus").asString()).isEqualTo("CLOSED");
        assertThat(client.get("followUps")).hasSize(3);
        assertThat(client.get("followUps").get(2).get("employed").asBoolean()).isTrue();
        assertThat(client.get("followUps").get(2).get("startedOn").asString()).isEqualTo("2020-06-29");
        assertThat(client.get("services").get(0).get("measure").asString()).isEqualTo("N3");

        JsonNode report = api.get("/api/v1/reports/outcomes").json();
        assertThat(report.toString()).as("outcome reports still count the case").contains("\"retained6m\"");
        assertThat(retention.sweep(LocalDate.of(2024, 1, 1)).clients()).as("done once").isZero();
    }

    @Test
    void withinThePeriodOrStillOpenNothingChanges() {
        String taoDecision = decide("case-1-tao");
        String wangDecision = decide("case-2-wang");
        closeTaosCase();

        assertThat(retention.sweep(LocalDate.of(2022, 12, 29)).clients()).as("closed exactly two years ago")
                .isZero();
        assertThat(retention.sweep(LocalDate.of(2022, 12, 30)).clients()).isEqualTo(1);

        assertThat(api.get("/api/v1/decisions/" + wangDecision).json().get("facts").get("name").asString())
                .as("an open case keeps its data").isEqualTo("王某");
        assertThat(api.get("/api/v1/decisions/" + taoDecision).json().get("facts").get("name").asString())
                .startsWith("假名-");
        assertThat(api.get("/api/v1/clients/" + WANG).json().get("facts").get("name").asString())
                .isEqualTo("王某");
    }

    @Test
    void theSweepRunsOnDemandBehindTheAdminToken() {
        assertThat(api.post("/api/v1/admin/retention/run", "").status()).isEqualTo(403);
        Reply run = api.post("/api/v1/admin/retention/run", "", "X-Admin-Token", ADMIN_TOKEN);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().get("clients").asInt()).isZero();
        assertThat(run.json().get("closedBefore").asString()).isNotBlank();
    }
}
