package dev.pln.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.pln.rules.Fixtures;
import dev.pln.service.ApiClient.Reply;
import dev.pln.service.ApiIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

class AuditTrailIntegrationTests extends ApiIntegrationTest {

    @Autowired
    AuditTrail trail;

    JsonNode entries() {
        Reply reply = api.get("/api/v1/admin/audit?limit=1000", "X-Admin-Token", ADMIN_TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().get("items");
    }

    JsonNode verify() {
        Reply reply = api.get("/api/v1/admin/audit/verify", "X-Admin-Token", ADMIN_TOKEN);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    String decide(String caseName) {
        Reply reply = api.post("/api/v1/decisions", Fixtures.workedCase(caseName).request(), "X-Actor",
                "intake-system-1");
        assertThat(reply.status()).isEqualTo(201);
        return reply.json().get("decisionId").asString();
    }

    @Test
    void writesAndReadsOfOneClientsPersonalDataAreRecordedWithWhoWhatAndFromWhere() {
        String decisionId = decide("case-1-tao");
        String clientId = Fixtures.workedCase("case-1-tao").request().get("clientId").asString();
        assertThat(api.get("/api/v1/clients/" + clientId, "X-Actor", "caseworker-017").status()).isEqualTo(200);
        assertThat(api.get("/review/decisions/" + decisionId).status()).isEqualTo(200);

        JsonNode items = entries();
        assertThat(items).hasSize(3);
        JsonNode write = items.get(2);
        assertThat(write.get("seq").asLong()).isEqualTo(1);
        assertThat(write.get("action").asString()).isEqualTo("WRITE");
        assertThat(write.get("method").asString()).isEqualTo("POST");
        assertThat(write.get("path").asString()).isEqualTo("/api/v1/decisions");
        assertThat(write.get("status").asInt()).isEqualTo(201);
        assertThat(write.get("actor").asString()).isEqualTo("intake-system-1");
        assertThat(write.get("from").asString()).isEqualTo("127.0.0.1");
        assertThat(write.get("at").asString()).isNotBlank();
        assertThat(items.get(1).get("action").asString()).isEqualTo("READ_PERSONAL_DATA");
        assertThat(items.get(1).get("actor").asString()).isEqualTo("caseworker-017");
        assertThat(items.get(0).get("path").asString()).isEqualTo("/review/decisions/" + decisionId);
        assertThat(items.get(0).get("actor").asString()).isEqualTo("anonymous");
        assertThat(verify().get("valid").asBoolean()).isTrue();
        assertThat(verify().get("entries").asLong()).isEqualTo(3);
    }

    @Test
    void refusedRequestsPreviewsListsAndReportsLeaveNoEntry() {
        assertThat(api.post("/api/v1/decisions", "{\"clientId\": 1}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/decisions/preview", Fixtures.workedCase("case-1-tao").request()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/decisions").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/clients/nobody").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/reports/outcomes").status()).isEqualTo(200);
        assertThat(api.get("/review/decisions").status()).isEqualTo(200);

        assertThat(entries()).isEmpty();
        assertThat(verify().get("entries").asLong()).isZero();
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void overridesAreRecorded() {
        String decisionId = decide("case-2-wang");
        Reply override = api.post("/api/v1/decisions/" + decisionId + "/overrides",
                Map.of("level", 1, "reasonCode", "JOB_OFFER_IN_HAND", "reason", "已有录用通知", "by", "cw-017"),
                "X-Actor", "cw-017");
        assertThat(override.status()).isEqualTo(201);

        assertThat(entries().get(0).get("path").asString()).isEqualTo("/api/v1/decisions/" + decisionId + "/overrides");
        assertThat(entries().get(0).get("actor").asString()).isEqualTo("cw-017");
    }

    @Test
    void aChangedEntryIsFoundAndNamed() {
        decide("case-1-tao");
        decide("case-2-wang");
        decide("case-3-li");
        mongo.getCollection("auditTrail").updateOne(Filters.eq("_id", 2L), Updates.set("actor", "somebody-else"));

        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("entries").asLong()).isEqualTo(3);
        assertThat(verification.get("firstBroken").asLong()).isEqualTo(2);
    }

    @Test
    void aRemovedEntryIsFound() {
        decide("case-1-tao");
        decide("case-2-wang");
        decide("case-3-li");
        mongo.getCollection("auditTrail").deleteOne(Filters.eq("_id", 2L));

        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBroken").asLong()).isEqualTo(3);
    }

    @Test
    void aResealedEntryStillBreaksTheChainAfterIt() {
        decide("case-1-tao");
        decide("case-2-wang");
        decide("case-3-li");
        AuditEntry second = mongo.findById(2L, AuditEntry.class);
        AuditEntry forged = AuditEntry.seal(2, second.at(), "somebody-else", second.action(), second.method(),
                second.path(), second.status(), second.from(), second.previousHash());
        mongo.save(forged);

        assertThat(verify().get("firstBroken").asLong()).as("entry 3 points at the old hash").isEqualTo(3);
    }

    @Test
    void concurrentWritesMakeOneUnbrokenLine() throws Exception {
        appendAtOnce(6, 60, n -> trail);

        assertOneUnbrokenLineOf(60);
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void twoInstancesAppendingToOneStoreMakeOneUnbrokenLine() throws Exception {
        AuditTrail replica = new AuditTrail(mongo);
        for (int i = 0; i < 10; i++) {
            trail.append("a" + i, "WRITE", "POST", "/a/" + i, 201, "10.0.0.1");
            replica.append("b" + i, "WRITE", "POST", "/b/" + i, 201, "10.0.0.2");
        }
        appendAtOnce(4, 40, n -> n % 2 == 0 ? trail : replica);

        assertOneUnbrokenLineOf(60);
    }

    /** Appends {@code count} entries from {@code threads} threads at once, entry n through {@code instance(n)}. */
    static void appendAtOnce(int threads, int count, IntFunction<AuditTrail> instance) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> appends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                appends.add(pool.submit(() -> instance.apply(n).append("t" + n, "WRITE", "POST", "/x/" + n, 201,
                        "127.0.0.1")));
            }
            for (Future<?> append : appends) {
                append.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    void assertOneUnbrokenLineOf(long entries) {
        JsonNode verification = verify();
        assertThat(verification.get("entries").asLong()).isEqualTo(entries);
        assertThat(verification.get("valid").asBoolean()).isTrue();
    }

    @Test
    void theTrailNeedsTheAdminToken() {
        assertThat(api.get("/api/v1/admin/audit/verify").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit/verify", "X-Admin-Token", "wrong").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/admin/audit").status()).isEqualTo(403);
    }

    @Test
    void pagesGoBackwardsFromTheNewest() {
        for (int i = 1; i <= 5; i++) {
            trail.append("t", "WRITE", "POST", "/x/" + i, 201, "127.0.0.1");
        }
        JsonNode first = api.get("/api/v1/admin/audit?limit=2", "X-Admin-Token", ADMIN_TOKEN).json();
        assertThat(first.get("items").valueStream().map(e -> e.get("seq").asLong())).containsExactly(5L, 4L);
        JsonNode second = api.get("/api/v1/admin/audit?limit=2&before=" + first.get("nextBefore").asLong(),
                "X-Admin-Token", ADMIN_TOKEN).json();
        assertThat(second.get("items").valueStream().map(e -> e.get("seq").asLong())).containsExactly(3L, 2L);
        assertThat(api.get("/api/v1/admin/audit?limit=0", "X-Admin-Token", ADMIN_TOKEN).status()).isEqualTo(400);
    }
}
