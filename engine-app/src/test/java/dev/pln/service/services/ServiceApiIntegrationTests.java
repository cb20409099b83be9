package dev.pln.service.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.ApiIntegrationTest;
import dev.pln.service.ApiClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ServiceApiIntegrationTests extends ApiIntegrationTest {

    static final String TAO = "DX-2020-001";
    static final String LI = "DX-2019-003";

    void decide(String fixture) {
        assertThat(api.post("/api/v1/decisions", Fixtures.workedCase(fixture).request()).status()).isEqualTo(201);
    }

    static Map<String, Object> recommendation(String on, String mode, String meeting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measure", "N3");
        body.put("deliveredOn", on);
        body.put("by", "caseworker-017");
        body.put("recommendation", mode);
        body.put("meeting", meeting);
        return body;
    }

    static Map<String, Object> notEmployed(String on) {
        return Map.of("date", on, "by", "caseworker-017", "kind", "AFTER_RECOMMENDATION", "employed", false);
    }

    @Test
    void retryWithTheSameKeyAndBodyReturnsTheFirstRecordAndStoresNothingTwice() {
        decide("case-1-tao");
        Map<String, Object> n2 = Map.of("measure", "N2", "deliveredOn", "2020-06-03", "by", "caseworker-017");

        Reply first = api.post("/api/v1/clients/" + TAO + "/services", n2, "Idempotency-Key", "svc-1");
        Reply retry = api.post("/api/v1/clients/" + TAO + "/services", n2, "Idempotency-Key", "svc-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("service")).isEqualTo(first.json().get("service"));
        assertThat(api.get("/api/v1/clients/" + TAO).json().get("services").size()).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefusedAndNothingIsStored() {
        decide("case-1-tao");
        api.post("/api/v1/clients/" + TAO + "/services",
                Map.of("measure", "N2", "deliveredOn", "2020-06-03", "by", "caseworker-017"), "Idempotency-Key", "k");

        Reply reused = api.post("/api/v1/clients/" + TAO + "/services",
                Map.of("measure", "N4", "deliveredOn", "2020-06-03", "by", "caseworker-017"), "Idempotency-Key", "k");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(api.get("/api/v1/clients/" + TAO).json().get("services").size()).isEqualTo(1);
    }

    @Test
    void rejectsFieldsThatDoNotApplyToTheMeasure() {
        decide("case-1-tao");

        Reply reply = api.post("/api/v1/clients/" + TAO + "/services", Map.of("measure", "N2", "deliveredOn",
                "2020-06-03", "by", "caseworker-017", "recommendation", "DIRECT", "course", "电工"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .containsExactlyInAnyOrder("/recommendation", "/course");
    }

    @Test
    void rejectsUnknownPropertiesAndMissingFields() {
        decide("case-1-tao");

        assertThat(api.post("/api/v1/clients/" + TAO + "/services",
                "{\"measure\":\"N2\",\"deliveredOn\":\"2020-06-03\",\"by\":\"x\",\"isAdmin\":true}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/clients/" + TAO + "/services", "{\"measure\":\"N2\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/clients/" + TAO + "/follow-ups", Map.of("date", "2020-07-01", "by", "x", "kind",
                "AFTER_RECOMMENDATION", "employed", true)).json().get("errors").valueStream()
                .map(e -> e.get("pointer").asString())).containsExactlyInAnyOrder("/startedOn", "/contract");
    }

    @Test
    void unknownClientIs404() {
        Reply reply = api.post("/api/v1/clients/NOBODY/services",
                Map.of("measure", "N2", "deliveredOn", "2020-06-03", "by", "caseworker-017"));

        assertThat(reply.status()).isEqualTo(404);
    }

    @Test
    void servicesFollowACaseworkersEffectiveOverrideOfTheLevel() {
        String wang = api.post("/api/v1/decisions", Fixtures.workedCase("case-2-wang").request()).json()
                .get("decisionId").asString();
        Map<String, Object> training = Map.of("measure", "N5", "deliveredOn", "2020-06-20", "by", "caseworker-017",
                "course", "电工");

        Reply atLevel2 = api.post("/api/v1/clients/DX-2020-002/services", training);
        assertThat(atLevel2.status()).isEqualTo(422);
        assertThat(atLevel2.json().get("level").asInt()).isEqualTo(2);

        assertThat(api.post("/api/v1/decisions/" + wang + "/overrides", Map.of("level", 3, "reasonCode",
                "NEEDS_MORE_SUPPORT", "reason", "面谈发现需要技能培训", "by", "cw-017")).status()).isEqualTo(201);

        Reply atLevel3 = api.post("/api/v1/clients/DX-2020-002/services", training);
        assertThat(atLevel3.status()).isEqualTo(201);
        assertThat(atLevel3.json().get("service").get("measure").asString()).isEqualTo("N5");
    }

    @Test
    void clientWithoutATieredDecisionCannotReceiveServices() {
        api.post("/api/v1/decisions", Fixtures.with(Fixtures.workedCase("case-1-tao").request(), "/willingness",
                "UNWILLING"));

        Reply reply = api.post("/api/v1/clients/" + TAO + "/services",
                Map.of("measure", "N2", "deliveredOn", "2020-06-03", "by", "caseworker-017"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("decisionStatus").asString()).isEqualTo("NOT_TIERED");
        assertThat(reply.json().get("detail").asString()).contains("未定级");
    }

    @Test
    void recommendationKeepsHowItWasMadeAndMakesItsFollowUpDue() {
        decide("case-1-tao");

        Reply reply = api.post("/api/v1/clients/" + TAO + "/services",
                recommendation("2020-06-17", "DIRECT", "MATCHMAKING_FAIR"));

        assertThat(reply.json().get("service").get("recommendation").asString()).isEqualTo("DIRECT");
        assertThat(reply.json().get("service").get("meeting").asString()).isEqualTo("MATCHMAKING_FAIR");
        JsonNode due = api.get("/api/v1/follow-ups/due?before=2020-07-02&town="
                + URLEncoder.encode("西红门镇", StandardCharsets.UTF_8)).json().get("items");
        assertThat(due).hasSize(1);
        assertThat(due.get(0).get("clientId").asString()).isEqualTo(TAO);
        assertThat(due.get(0).get("kind").asString()).isEqualTo("AFTER_RECOMMENDATION");
        assertThat(due.get(0).get("dueOn").asString()).isEqualTo("2020-07-01");
        assertThat(api.get("/api/v1/follow-ups/due?before=2020-07-01").json().get("items")).isEmpty();
        assertThat(api.get("/api/v1/follow-ups/due?before=2020-07-02&town=other").json().get("items")).isEmpty();
    }

    @Test
    void followUpFindingTheClientEmployedMakesRetentionFollowUpsDue() {
        decide("case-1-tao");
        api.post("/api/v1/clients/" + TAO + "/services", recommendation("2020-06-17", "DIRECT", "MATCHMAKING_FAIR"));

        Reply reply = api.post("/api/v1/clients/" + TAO + "/follow-ups", Map.of("date", "2020-07-01", "by",
                "caseworker-017", "kind", "AFTER_RECOMMENDATION", "employed", true, "startedOn", "2020-06-29",
                "contract", "FORMAL", "satisfaction", 5));

        assertThat(reply.json().get("serviceStatus").asString()).isEqualTo("EMPLOYED");
        JsonNode client = api.get("/api/v1/clients/" + TAO).json();
        assertThat(client.get("followUpsDue").valueStream().map(d -> d.get("kind").asString() + " "
                + d.get("dueOn").asString())).containsExactly("RETENTION_3M 2020-09-29", "RETENTION_6M 2020-12-29");
    }

    @Test
    void followUpWithoutAJobAfterAFailedInterviewGivesTheNextPlanFromTheRules() {
        decide("case-1-tao");
        api.post("/api/v1/clients/" + TAO + "/services", recommendation("2020-06-17", "DIRECT", "EMPLOYER_INTERVIEW"));

        Reply reply = api.post("/api/v1/clients/" + TAO + "/follow-ups", notEmployed("2020-07-01"));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("serviceStatus").asString()).isEqualTo("IN_SERVICE");
        assertThat(reply.json().get("nextPlan").valueStream().map(i -> i.get("measure").asString() + " "
                + i.get("ruleId").asString())).containsExactlyInAnyOrder("N3 FU-01", "N4 FU-02", "N6 FU-03");
        assertThat(reply.json().get("publicWelfarePlacement")).isEmpty();
    }

    @Test
    void level3ClientWithThreeUnsuccessfulRecommendationsIsOfferedAPublicWelfarePostWhoseReviewFallsDue() {
        decide("case-3-li");
        for (String on : new String[] { "2019-09-20", "2019-10-10", "2019-10-30" }) {
            api.post("/api/v1/clients/" + LI + "/services", recommendation(on, "TARGETED", "EMPLOYER_INTERVIEW"));
        }
        assertThat(api.post("/api/v1/clients/" + LI + "/follow-ups", notEmployed("2019-10-04")).json()
                .get("publicWelfarePlacement")).isEmpty();
        api.post("/api/v1/clients/" + LI + "/follow-ups", notEmployed("2019-10-24"));

        Reply third = api.post("/api/v1/clients/" + LI + "/follow-ups", notEmployed("2019-11-13"));

        assertThat(third.json().get("publicWelfarePlacement").valueStream().map(r -> r.get("ruleId").asString()))
                .containsExactly("FB-02");
        Reply placed = api.post("/api/v1/clients/" + LI + "/follow-ups", Map.of("date", "2019-12-02", "by",
                "caseworker-017", "kind", "AFTER_RECOMMENDATION", "employed", true, "startedOn", "2019-12-01",
                "contract", "PUBLIC_WELFARE"));
        assertThat(placed.json().get("serviceStatus").asString()).isEqualTo("PUBLIC_WELFARE_POST");
        JsonNode due = api.get("/api/v1/clients/" + LI).json().get("followUpsDue");
        assertThat(due.valueStream().map(d -> d.get("kind").asString() + " " + d.get("dueOn").asString()))
                .contains("PUBLIC_WELFARE_REVIEW 2020-11-01");
    }

    @Test
    void reassessmentsRecordTheLevelHistoryWithProgress() {
        JsonNode li = Fixtures.workedCase("case-3-li").request();
        api.post("/api/v1/decisions", li);
        api.post("/api/v1/decisions", Fixtures.with(Fixtures.with(li, "/goal/clarity", "CLEAR"),
                "/goal/matchesConditions", true));

        JsonNode history = api.get("/api/v1/clients/" + LI).json().get("levelHistory");

        assertThat(history.valueStream().map(h -> h.get("toLevel").asInt() + " " + h.get("change").asString()))
                .containsExactly("3 FIRST", "1 PROGRESS");
    }

    @Test
    void reportPeriodMustNotBeEmpty() {
        assertThat(api.get("/api/v1/reports/outcomes?from=2021-01-01&to=2020-01-01").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/reports/outcomes?from=not-a-date").status()).isEqualTo(400);
    }
}
