package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pln.rules.Fixtures;
import dev.pln.service.security.SecuredService.Caller;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Jurisdictions, "only what it created", masked personal data, who acts, locked accounts, revoked keys, CSRF
 * and identity-provider tokens, with security on. Tao's case is in 西红门镇/某村, Wang's in 黄村镇.
 */
class SecurityScopeIntegrationTests extends SecuredIntegrationTest {

    static final String XIHONGMEN = "西红门镇";
    static final String HUANGCUN = "黄村镇";
    static final String TAO = "DX-2020-001";
    static final String WANG = "DX-2020-002";

    JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void aTownCaseworkerSeesItsTownAndNothingElseExists() {
        Caller huangcun = createUser(admin(), "cw-huangcun", List.of("CASEWORKER"), Map.of("town", HUANGCUN));

        assertThat(huangcun.get("/api/v1/decisions/" + decisionOf.get("case-2-wang")).statusCode()).isEqualTo(200);
        assertThat(huangcun.get("/api/v1/decisions/" + decisionOf.get("case-1-tao")).statusCode()).isEqualTo(404);
        assertThat(huangcun.get("/api/v1/clients/" + WANG).statusCode()).isEqualTo(200);
        assertThat(huangcun.get("/api/v1/clients/" + TAO).statusCode()).isEqualTo(404);
        assertThat(huangcun.get("/review/decisions/" + decisionOf.get("case-1-tao")).statusCode()).isEqualTo(404);
        assertThat(huangcun.post("/api/v1/clients/" + TAO + "/services",
                "{\"measure\": \"N2\", \"deliveredOn\": \"2020-06-10\"}").statusCode()).isEqualTo(404);
        assertThat(huangcun.post("/api/v1/decisions/" + decisionOf.get("case-1-tao") + "/overrides",
                "{\"level\": 2, \"reasonCode\": \"NEEDS_MORE_SUPPORT\", \"reason\": \"x\"}").statusCode())
                .isEqualTo(404);

        JsonNode list = json(huangcun.get("/api/v1/decisions?size=100"));
        assertThat(list.get("items").valueStream().map(item -> item.get("clientId").asString()).distinct())
                .containsExactly(WANG);
        String page = huangcun.get("/review/decisions").body();
        assertThat(page).contains(decisionOf.get("case-2-wang")).doesNotContain(decisionOf.get("case-1-tao"));
        HttpResponse<String> otherTown = huangcun.get("/review/decisions?town="
                + URLEncoder.encode(XIHONGMEN, StandardCharsets.UTF_8));
        assertThat(otherTown.statusCode()).isEqualTo(200);
        assertThat(otherTown.body()).doesNotContain(decisionOf.get("case-1-tao"));
    }

    @Test
    void aVillageCaseworkerSeesOnlyItsVillage() {
        Caller village = createUser(admin(), "cw-mou-cun", List.of("CASEWORKER"),
                Map.of("town", XIHONGMEN, "village", "某村"));
        Caller otherVillage = createUser(admin(), "cw-other-cun", List.of("CASEWORKER"),
                Map.of("town", XIHONGMEN, "village", "另一村"));

        assertThat(village.get("/api/v1/decisions/" + decisionOf.get("case-1-tao")).statusCode()).isEqualTo(200);
        assertThat(otherVillage.get("/api/v1/decisions/" + decisionOf.get("case-1-tao")).statusCode())
                .isEqualTo(404);
        assertThat(json(otherVillage.get("/api/v1/decisions")).get("items")).isEmpty();

        assertThat(callers.get("CASEWORKER").post("/api/v1/clients/" + TAO + "/services", "{\"measure\": \"N3\", "
                + "\"deliveredOn\": \"2020-06-17\", \"recommendation\": \"DIRECT\", \"meeting\": \"MATCHMAKING_FAIR\"}")
                .statusCode()).isEqualTo(201);
        String due = "/api/v1/follow-ups/due?before=2030-01-01";
        assertThat(json(village.get(due)).get("items").valueStream().map(item -> item.get("clientId").asString()))
                .contains(TAO);
        assertThat(json(otherVillage.get(due)).get("items")).isEmpty();
    }

    @Test
    void reportsAndDueListsKeepToTheTown() {
        String recommendation = "{\"measure\": \"N3\", \"deliveredOn\": \"2020-06-17\", \"recommendation\": "
                + "\"DIRECT\", \"meeting\": \"MATCHMAKING_FAIR\"}";
        for (String client : List.of(TAO, WANG)) {
            assertThat(callers.get("CASEWORKER").post("/api/v1/clients/" + client + "/services", recommendation)
                    .statusCode()).isEqualTo(201);
        }
        Caller reviewer = createUser(admin(), "rv-huangcun", List.of("REVIEWER"), Map.of("town", HUANGCUN));
        Caller caseworker = createUser(admin(), "cw-huangcun-2", List.of("CASEWORKER"), Map.of("town", HUANGCUN));

        assertThat(json(callers.get("REVIEWER").get("/api/v1/reports/outcomes")).get("total").get("served").asInt())
                .isGreaterThanOrEqualTo(2);
        assertThat(json(reviewer.get("/api/v1/reports/outcomes")).get("total").get("served").asInt()).isEqualTo(1);
        assertThat(json(reviewer.get("/api/v1/reports/outcomes?town=" + URLEncoder.encode(XIHONGMEN,
                StandardCharsets.UTF_8))).get("total").get("served").asInt())
                .as("asking for another town finds nothing of it").isZero();
        JsonNode due = json(caseworker.get("/api/v1/follow-ups/due?before=2030-01-01")).get("items");
        assertThat(due.valueStream().map(item -> item.get("clientId").asString()).distinct()).containsExactly(WANG);
        JsonNode allDue = json(callers.get("CASEWORKER").get("/api/v1/follow-ups/due?before=2030-01-01"))
                .get("items");
        assertThat(allDue.valueStream().map(item -> item.get("clientId").asString())).contains(TAO, WANG);
    }

    @Test
    void anIntakeSystemReadsOnlyTheDecisionsItCreated() {
        HttpResponse<String> key = admin().post("/api/v1/admin/api-keys",
                "{\"name\": \"second-intake\", \"roles\": [\"INTAKE\"]}");
        assertThat(key.statusCode()).isEqualTo(201);
        Caller second = Caller.bearer(port, json(key).get("apiKey").asString());

        assertThat(second.get("/api/v1/decisions/" + decisionOf.get("case-1-tao")).statusCode()).isEqualTo(404);
        assertThat(json(second.get("/api/v1/decisions")).get("items")).isEmpty();
        HttpResponse<String> own = second.post("/api/v1/decisions",
                Fixtures.with(Fixtures.workedCase("case-4-dong").request(), "/clientId", "DX-OWN-1").toString());
        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(second.get("/api/v1/decisions/" + json(own).get("decisionId").asString()).statusCode())
                .isEqualTo(200);
        assertThat(callers.get("INTAKE").get("/api/v1/decisions/" + json(own).get("decisionId").asString())
                .statusCode()).isEqualTo(404);
    }

    Caller intakeKey(String name, Map<String, String> jurisdiction) {
        String scope = jurisdiction == null ? "" : ", \"jurisdiction\": " + JSON.writeValueAsString(jurisdiction);
        HttpResponse<String> key = admin().post("/api/v1/admin/api-keys",
                "{\"name\": \"" + name + "\", \"roles\": [\"INTAKE\"]" + scope + "}");
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
        return Caller.bearer(port, json(key).get("apiKey").asString());
    }

    @Test
    void anIntakeSystemOfOneTownDecidesForClientsOfThatTownOnlyAndStoresNothingElse() {
        Caller huangcun = intakeKey("intake-huangcun", Map.of("town", HUANGCUN));
        String outsideTown = Fixtures.with(Fixtures.workedCase("case-1-tao").request(), "/clientId", "DX-OUTSIDE-1")
                .toString();

        HttpResponse<String> refused = huangcun.post("/api/v1/decisions", outsideTown);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("type").asString()).isEqualTo("/problems/outside-jurisdiction");
        assertThat(json(refused).get("errors").get(0).get("pointer").asString()).isEqualTo("/jurisdiction");
        assertThat(huangcun.post("/api/v1/decisions/preview", outsideTown).statusCode()).isEqualTo(403);
        assertThat(json(admin().get("/api/v1/decisions?clientId=DX-OUTSIDE-1")).get("total").asInt())
                .as("nothing stored").isZero();
        assertThat(admin().get("/api/v1/clients/DX-OUTSIDE-1").statusCode()).isEqualTo(404);
        assertThat(huangcun.post("/api/v1/decisions", Fixtures.with(Fixtures.workedCase("case-2-wang").request(),
                "/jurisdiction", null).toString()).statusCode()).as("no jurisdiction is no town of its own")
                .isEqualTo(403);

        String takeOver = Fixtures.with(Fixtures.workedCase("case-2-wang").request(), "/clientId", TAO).toString();
        HttpResponse<String> moved = huangcun.post("/api/v1/decisions", takeOver);
        assertThat(moved.statusCode()).as("Tao is recorded in 西红门镇; facts saying 黄村镇 do not move him")
                .isEqualTo(403);
        assertThat(json(admin().get("/api/v1/clients/" + TAO)).get("facts").get("jurisdiction").get("town")
                .asString()).isEqualTo(XIHONGMEN);

        HttpResponse<String> inside = huangcun.post("/api/v1/decisions", Fixtures.with(
                Fixtures.workedCase("case-2-wang").request(), "/clientId", "DX-INSIDE-1").toString());
        assertThat(inside.statusCode()).as(inside.body()).isEqualTo(201);
    }

    @Test
    void twoIntakeSystemsSendingTheSameIdempotencyKeyNeverGetEachOthersDecisions() {
        Caller first = intakeKey("intake-first", null);
        Caller second = intakeKey("intake-second", null);
        String firstFacts = Fixtures.with(Fixtures.workedCase("case-3-li").request(), "/clientId", "DX-IDEM-1")
                .toString();
        String secondFacts = Fixtures.with(Fixtures.workedCase("case-4-dong").request(), "/clientId", "DX-IDEM-2")
                .toString();

        HttpResponse<String> a = first.send("POST", "/api/v1/decisions", "application/json", firstFacts,
                "Idempotency-Key", "batch-0001");
        HttpResponse<String> b = second.send("POST", "/api/v1/decisions", "application/json", secondFacts,
                "Idempotency-Key", "batch-0001");
        HttpResponse<String> again = first.send("POST", "/api/v1/decisions", "application/json", firstFacts,
                "Idempotency-Key", "batch-0001");

        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
        assertThat(b.statusCode()).as("not a 422: the key is the second system's own").isEqualTo(201);
        assertThat(json(b).get("clientId").asString()).isEqualTo("DX-IDEM-2");
        assertThat(json(b).get("decisionId").asString()).isNotEqualTo(json(a).get("decisionId").asString());
        assertThat(json(again).get("decisionId").asString()).isEqualTo(json(a).get("decisionId").asString());
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void aRetryOfADecisionStoredBeforeKeysWereEachCallersOwnStillFindsItButOnlyForItsCaller() {
        HttpResponse<String> key = admin().post("/api/v1/admin/api-keys",
                "{\"name\": \"intake-upgraded\", \"roles\": [\"INTAKE\"]}");
        Caller upgraded = Caller.bearer(port, json(key).get("apiKey").asString());
        String facts = Fixtures.with(Fixtures.workedCase("case-3-li").request(), "/clientId", "DX-LEGACY-1")
                .toString();
        String made = json(upgraded.post("/api/v1/decisions", facts)).get("decisionId").asString();
        // As the earlier version stored it: the id derived from the key alone.
        String legacyId = UUID.nameUUIDFromBytes("idempotency-key:before-upgrade".getBytes(StandardCharsets.UTF_8))
                .toString();
        Document stored = mongo.getCollection("decisions").find(new Document("_id", made)).first();
        stored.put("_id", legacyId);
        stored.put("idempotencyKey", "before-upgrade");
        mongo.getCollection("decisions").insertOne(stored);

        HttpResponse<String> retried = upgraded.send("POST", "/api/v1/decisions", "application/json", facts,
                "Idempotency-Key", "before-upgrade");
        HttpResponse<String> other = intakeKey("intake-other-upgraded", null).send("POST", "/api/v1/decisions",
                "application/json", facts, "Idempotency-Key", "before-upgrade");

        assertThat(json(retried).get("decisionId").asString()).isEqualTo(legacyId);
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(json(other).get("decisionId").asString()).isNotEqualTo(legacyId);
    }

    @Test
    void aTownsPolicyOfficerPreviewsItsTownOnlyAndCannotActivateForTheWholeDistrict() {
        Caller district = callers.get("POLICY_OFFICER");
        Caller town = createUser(admin(), "po-huangcun", List.of("POLICY_OFFICER"), Map.of("town", HUANGCUN));
        String version = json(district.get("/api/v1/rulesets/active")).get("version").asString();
        String impact = "/api/v1/rulesets/" + version + "/impact";

        HttpResponse<String> everyTownStarted = district.post(impact, "{}");
        assertThat(everyTownStarted.statusCode()).as("more clients than the threshold: a job").isEqualTo(202);
        String job = everyTownStarted.headers().firstValue("Location").orElseThrow();
        assertThat(town.get(job).statusCode()).as("the whole district's job is not the town's").isEqualTo(404);
        JsonNode everyTown = report(district, everyTownStarted);
        JsonNode oneTown = report(town, town.post(impact, "{}"));

        assertThat(everyTown.get("jurisdiction").get("town").isNull()).isTrue();
        assertThat(everyTown.get("byGroup").get("town").propertyNames()).contains(XIHONGMEN, HUANGCUN);
        assertThat(oneTown.get("jurisdiction").get("town").asString()).isEqualTo(HUANGCUN);
        assertThat(oneTown.get("byGroup").get("town").propertyNames()).containsExactly(HUANGCUN);
        assertThat(oneTown.get("evaluated").asLong()).isPositive().isLessThan(everyTown.get("evaluated").asLong());

        HttpResponse<String> activation = town.post("/api/v1/rulesets/" + version + "/activate",
                "{\"reason\": \"again\"}");
        assertThat(activation.statusCode()).isEqualTo(403);
        assertThat(json(activation).get("type").asString()).isEqualTo("/problems/outside-jurisdiction");
    }

    /** The impact report of a preview: the answer itself, or its job's result once the job has finished. */
    JsonNode report(Caller caller, HttpResponse<String> started) {
        if (started.statusCode() == 200) {
            return json(started);
        }
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String job = started.headers().firstValue("Location").orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> json(caller.get(job)).get("state").asString(),
                state -> !state.equals("QUEUED") && !state.equals("RUNNING"));
        JsonNode finished = json(caller.get(job));
        assertThat(finished.get("state").asString()).isEqualTo("SUCCEEDED");
        return finished.get("result");
    }

    @Test
    void reviewersSeeMaskedNamesAndNoHealthOrIncomeStatusCaseworkersSeeThem() {
        String wang = "/api/v1/decisions/" + decisionOf.get("case-2-wang");
        JsonNode asReviewer = json(callers.get("REVIEWER").get(wang)).get("facts");
        JsonNode asCaseworker = json(callers.get("CASEWORKER").get(wang)).get("facts");

        assertThat(asCaseworker.get("name").asString()).isEqualTo("王某");
        assertThat(asCaseworker.get("conditions").has("health")).isTrue();
        assertThat(asCaseworker.get("family").has("lowIncome")).isTrue();
        assertThat(asReviewer.get("name").asString()).isEqualTo("王某某");
        assertThat(asReviewer.get("conditions").has("health")).isFalse();
        assertThat(asReviewer.get("family").has("lowIncome")).isFalse();
        assertThat(callers.get("REVIEWER").get("/review/decisions/" + decisionOf.get("case-2-wang")).body())
                .doesNotContain("低收入").doesNotContain("王某<");
    }

    @Test
    void matchedValuesOfHealthAndIncomeAreWithheldFromReviewersAndReplaysStillDecideOnTheWholeFacts() {
        tools.jackson.databind.node.ObjectNode li = Fixtures.with(Fixtures.workedCase("case-3-li").request(),
                "/clientId", "DX-HEALTH-1");
        li = Fixtures.with(li, "/conditions/health", "LIMITED");
        li = Fixtures.with(li, "/family/lowIncome", false);
        HttpResponse<String> decided = callers.get("INTAKE").post("/api/v1/decisions", li.toString());
        assertThat(decided.statusCode()).isEqualTo(201);
        String id = json(decided).get("decisionId").asString();

        String asCaseworker = json(callers.get("CASEWORKER").get("/api/v1/decisions/" + id)).get("explanation")
                .toString();
        String asReviewer = json(callers.get("REVIEWER").get("/api/v1/decisions/" + id)).get("explanation")
                .toString();
        assertThat(asCaseworker).as("the caseworker sees the matched health value").contains("LIMITED");
        assertThat(asReviewer).contains("BAR-06").doesNotContain("LIMITED")
                .doesNotContainPattern("\"\\$?(health|lowIncome)\"");

        HttpResponse<String> replay = callers.get("REVIEWER").post("/api/v1/decisions/" + id + "/replay",
                "{\"ruleset\": \"original\"}");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(json(replay).get("differences")).as("replayed on the whole facts").isEmpty();
        assertThat(json(replay).get("facts").get("conditions").has("health")).isFalse();
        assertThat(callers.get("REVIEWER").get("/api/v1/decisions/" + id + "/counterfactuals").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aVillageWithoutItsTownIsRefusedRatherThanWidenedToTheDistrict() {
        HttpResponse<String> refused = admin().post("/api/v1/admin/users", "{\"username\": \"no-town\", "
                + "\"password\": \"" + PASSWORD + "\", \"roles\": [\"CASEWORKER\"], "
                + "\"jurisdiction\": {\"village\": \"某村\"}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("errors").get(0).get("pointer").asString()).isEqualTo("/jurisdiction/town");
        Caller malformedScope = Caller.bearer(port, SecuredService.jwt("idp-odd", List.of("REVIEWER"),
                Map.of("village", "某村")));
        assertThat(malformedScope.get("/api/v1/decisions").statusCode()).as("the token is refused").isEqualTo(401);
    }

    @Test
    void whoActsIsTheSignedInUserNeverAnotherName() {
        HttpResponse<String> recorded = callers.get("CASEWORKER").post("/api/v1/clients/" + WANG + "/services",
                "{\"measure\": \"N2\", \"deliveredOn\": \"2020-06-10\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(json(recorded).get("service").get("by").asString()).isEqualTo("caseworker");

        HttpResponse<String> impersonating = callers.get("CASEWORKER").post("/api/v1/clients/" + WANG
                + "/services", "{\"measure\": \"N2\", \"deliveredOn\": \"2020-06-11\", \"by\": \"someone-else\"}");
        assertThat(impersonating.statusCode()).isEqualTo(400);
        assertThat(json(impersonating).get("errors").get(0).get("pointer").asString()).isEqualTo("/by");

        JsonNode trail = json(admin().get("/api/v1/admin/audit?limit=1000")).get("items");
        assertThat(trail.valueStream().filter(e -> e.get("path").asString().equals("/api/v1/clients/" + WANG
                + "/services")).map(e -> e.get("actor").asString())).contains("caseworker");
        assertThat(trail.valueStream().filter(e -> e.get("path").asString().equals("/api/v1/decisions"))
                .map(e -> e.get("actor").asString())).anyMatch(actor -> actor.startsWith("key:intake:"));
    }

    @Test
    void repeatedFailedLoginsLockTheAccountForAWhile() {
        createUser(admin(), "locked-out", List.of("REVIEWER"), null);
        for (int i = 0; i < 5; i++) {
            assertThat(Caller.basic(port, "locked-out", "wrong-" + i).get("/api/v1/decisions").statusCode())
                    .isEqualTo(401);
        }
        assertThat(Caller.basic(port, "locked-out", PASSWORD).get("/api/v1/decisions").statusCode())
                .as("the right password no longer helps").isEqualTo(401);
        assertThat(Caller.basic(port, "reviewer", PASSWORD).get("/api/v1/decisions").statusCode())
                .as("other accounts are not affected").isEqualTo(200);
    }

    @Test
    void aRevokedKeyNoLongerWorks() {
        JsonNode key = json(admin().post("/api/v1/admin/api-keys",
                "{\"name\": \"short-lived\", \"roles\": [\"INTAKE\"]}"));
        Caller caller = Caller.bearer(port, key.get("apiKey").asString());
        assertThat(caller.get("/api/v1/decisions").statusCode()).isEqualTo(200);

        assertThat(admin().send("DELETE", "/api/v1/admin/api-keys/" + key.get("id").asString(), null, null)
                .statusCode()).isEqualTo(204);

        assertThat(caller.get("/api/v1/decisions").statusCode()).isEqualTo(401);
    }

    @Test
    void theLoginFormSignsInWithItsCsrfTokenAndAnHttpOnlySameSiteCookie() {
        Caller browser = Caller.nobody(port);
        HttpResponse<String> signedIn = browser.postForm("/login", "/login",
                "username=reviewer&password=" + PASSWORD.replace(" ", "+"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/review/decisions");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(browser.get("/review/decisions").statusCode()).isEqualTo(200);

        HttpResponse<String> wrong = Caller.nobody(port).postForm("/login", "/login",
                "username=reviewer&password=nope");
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
    }

    @Test
    void behindAProxyThatTerminatesTlsTheSessionAndCsrfCookiesAreSecure() {
        HttpResponse<String> overTls = Caller.nobody(port).send("GET", "/login", null, null, "X-Forwarded-Proto",
                "https");
        HttpResponse<String> plain = Caller.nobody(port).get("/login");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(overTls.body());
        assertThat(token.find()).isTrue();
        // The test talks plain HTTP to the proxy's side, so its cookie jar would keep the Secure cookie back.
        String tokenCookie = overTls.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
        HttpResponse<String> signedIn = Caller.nobody(port).send("POST", "/login",
                "application/x-www-form-urlencoded",
                "username=reviewer&password=" + PASSWORD.replace(" ", "+") + "&_csrf=" + token.group(1),
                "X-Forwarded-Proto", "https", "Cookie", tokenCookie);

        assertThat(overTls.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("XSRF-TOKEN=").contains("; Secure").contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("XSRF-TOKEN=").doesNotContain("Secure"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("; Secure").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void aCaseworkerRecordsTheAssessmentsItMakesWithinItsTownOnly() {
        // A town of its own, so that the other tests' town lists stay as they are.
        Caller yinghai = createUser(admin(), "cw-yinghai", List.of("CASEWORKER"), Map.of("town", "瀛海镇"));
        String inside = Fixtures.with(Fixtures.with(Fixtures.workedCase("case-2-wang").request(), "/clientId",
                "DX-CW-INSIDE-1"), "/jurisdiction", JSON.readTree("{\"town\": \"瀛海镇\"}")).toString();
        String outside = Fixtures.with(Fixtures.workedCase("case-1-tao").request(), "/clientId", "DX-CW-OUTSIDE-1")
                .toString();

        HttpResponse<String> decided = yinghai.post("/api/v1/decisions", inside);
        HttpResponse<String> refused = yinghai.post("/api/v1/decisions", outside);

        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        Document stored = mongo.getCollection("decisions")
                .find(new Document("_id", json(decided).get("decisionId").asString())).first();
        assertThat(stored.getString("createdBy")).as("who acted").isEqualTo("cw-yinghai");
        assertThat(yinghai.post("/api/v1/decisions/preview", inside).statusCode()).isEqualTo(200);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(yinghai.post("/api/v1/decisions/preview", outside).statusCode()).isEqualTo(403);
        assertThat(admin().get("/api/v1/clients/DX-CW-OUTSIDE-1").statusCode()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void aNameInTheQueryStringCannotConfirmAnOverrideAsSomeoneElse() {
        String decision = decisionOf.get("case-4-dong");
        HttpResponse<String> proposed = callers.get("CASEWORKER").post("/api/v1/decisions/" + decision
                + "/overrides", "{\"level\": 2, \"reasonCode\": \"JOB_OFFER_IN_HAND\", \"reason\": \"已有录用\"}");
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
        String confirm = "/review/decisions/" + decision + "/overrides/" + json(proposed).get("overrideId").asString()
                + "/confirm";

        String page = callers.get("CASEWORKER").get("/review/decisions/" + decision).body();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page);
        assertThat(token.find()).isTrue();
        HttpResponse<String> impersonating = callers.get("CASEWORKER").send("POST", confirm
                + "?by=someone-else&_csrf=" + token.group(1), "text/plain", "");
        assertThat(impersonating.statusCode()).isEqualTo(400);
        assertThat(json(impersonating).get("errors").get(0).get("pointer").asString()).isEqualTo("/by");
    }

    @Test
    void aPageFormWithoutItsCsrfTokenIsRefused() {
        String page = "/review/decisions/" + decisionOf.get("case-3-li");
        assertThat(callers.get("REVIEWER").send("POST", page + "/flags", "application/x-www-form-urlencoded",
                "comment=x").statusCode()).isEqualTo(403);
        assertThat(callers.get("REVIEWER").postForm(page, page + "/flags", "comment=x").statusCode())
                .isEqualTo(302);
    }

    @Test
    void anIdentityProvidersTokenGivesItsRolesAndJurisdiction() {
        Caller reviewer = Caller.bearer(port, SecuredService.jwt("idp-reviewer", List.of("REVIEWER"),
                Map.of("town", HUANGCUN)));
        assertThat(reviewer.get("/api/v1/decisions/" + decisionOf.get("case-2-wang")).statusCode()).isEqualTo(200);
        assertThat(reviewer.get("/api/v1/decisions/" + decisionOf.get("case-1-tao")).statusCode()).isEqualTo(404);
        assertThat(reviewer.get("/api/v1/clients/" + WANG).statusCode()).as("not a caseworker").isEqualTo(403);

        Caller noRoles = Caller.bearer(port, SecuredService.jwt("idp-nobody", List.of(), null));
        assertThat(noRoles.get("/api/v1/decisions").statusCode()).isEqualTo(403);

        String forged = SecuredService.jwt("idp-admin", List.of("ADMIN"), null);
        String tampered = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";
        assertThat(Caller.bearer(port, tampered).get("/api/v1/decisions").statusCode()).isEqualTo(401);
    }
}
