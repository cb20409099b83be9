package dev.pln.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.pln.rules.Fixtures;
import dev.pln.service.ApiClient.Reply;
import dev.pln.service.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class AuditTrailIntegrationTests extends ApiIntegrationTest {

    static final AuditKey OTHER_KEY = new AuditKey("a key this store's trail was never sealed with", "test");

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditKey key;

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
    void aRewrittenEntryWithTheChainRecomputedAfterItIsFoundAndNamed() {
        decide("case-1-tao");
        decide("case-2-wang");
        decide("case-3-li");
        decide("case-4-dong");

        rewriteAsAnAttacker(2, "actor", "somebody-else");

        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("entries").asLong()).isEqualTo(4);
        assertThat(verification.get("firstBroken").asLong()).isEqualTo(2);
    }

    /**
     * What anybody with write access to the store can do who has read the source: change one field of entry
     * {@code seq} and recompute the unkeyed SHA-256 chain from there to the newest entry.
     */
    void rewriteAsAnAttacker(long seq, String field, String value) {
        MongoCollection<Document> trail = mongo.getCollection("auditTrail");
        trail.updateOne(Filters.eq("_id", seq), Updates.set(field, value));
        String previousHash = seq == 1 ? "0".repeat(64) : trail.find(Filters.eq("_id", seq - 1)).first()
                .getString("hash");
        for (Document entry : trail.find(Filters.gte("_id", seq)).sort(Sorts.ascending("_id"))) {
            String hash = unkeyedHash(entry, previousHash);
            trail.updateOne(Filters.eq("_id", entry.get("_id")),
                    Updates.combine(Updates.set("previousHash", previousHash), Updates.set("hash", hash)));
            previousHash = hash;
        }
    }

    static String unkeyedHash(Document entry, String previousHash) {
        String canonical = String.join("\n", entry.get("_id").toString(),
                Long.toString(entry.getDate("at").getTime()), entry.getString("actor"), entry.getString("action"),
                entry.getString("method"), entry.getString("path"), entry.get("status").toString(),
                String.valueOf(entry.getString("from")), previousHash);
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void anEntrySealedWithAnotherKeyIsFound() {
        decide("case-1-tao");
        decide("case-2-wang");
        decide("case-3-li");
        AuditEntry second = mongo.findById(2L, AuditEntry.class);
        mongo.save(AuditEntry.seal(2, second.at(), "somebody-else", second.action(), second.method(), second.path(),
                second.status(), second.from(), second.previousHash(), OTHER_KEY));

        assertThat(verify().get("firstBroken").asLong()).isEqualTo(2);
    }

    @Test
    void strippingTheMacsFromARewrittenTrailDoesNotPassItOffAsOneAnEarlierVersionWrote() {
        decide("case-1-tao");
        decide("case-2-wang");
        decide("case-3-li");
        rewriteAsAnAttacker(2, "actor", "somebody-else");
        mongo.getCollection("auditTrail").updateMany(Filters.empty(), Updates.unset("mac"));

        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBroken").asLong()).isEqualTo(1);
    }

    @Test
    void removingTheNewestEntriesLeavesAValidTrailButTheNextAppendSaysSo(CapturedOutput output) {
        for (int i = 1; i <= 3; i++) {
            trail.append("t", "WRITE", "POST", "/x/" + i, 201, "127.0.0.1");
        }
        mongo.getCollection("auditTrail").deleteOne(Filters.eq("_id", 3L));

        assertThat(verify().get("valid").asBoolean()).as("what a chain alone cannot see").isTrue();
        trail.append("t", "WRITE", "POST", "/x/4", 201, "127.0.0.1");
        assertThat(output.getAll()).contains("Audit trail: entry 3, which this instance wrote, is no longer in the "
                + "store as written");
    }

    @Test
    void entriesAnEarlierVersionWroteAreSealedAtTheFirstStartAndCounted(@TempDir Path dataDir) {
        writeAsAnEarlierVersion(3);

        new AuditStartCheck(mongo, key, dataDir).afterSingletonsInstantiated();
        trail.append("t", "WRITE", "POST", "/x/4", 201, "127.0.0.1");

        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("entries").asLong()).isEqualTo(4);
        assertThat(verification.get("sealedOnUpgrade").asLong()).isEqualTo(3);
        assertThat(dataDir.resolve(AuditStartCheck.SEALED_FILE)).exists();
    }

    @Test
    void entriesWithoutAMacAreNotSealedAgainOnALaterStart(@TempDir Path dataDir) {
        writeAsAnEarlierVersion(3);
        new AuditStartCheck(mongo, key, dataDir).afterSingletonsInstantiated();
        rewriteAsAnAttacker(2, "actor", "somebody-else");
        mongo.getCollection("auditTrail").updateMany(Filters.empty(), Updates.unset("mac"));

        new AuditStartCheck(mongo, key, dataDir).afterSingletonsInstantiated();

        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBroken").asLong()).isEqualTo(1);
        assertThat(verification.get("sealedOnUpgrade").asLong()).isZero();
    }

    @Test
    void sealingEntriesAnEarlierVersionWroteStopsWhereTheirChainBreaks(@TempDir Path dataDir) {
        writeAsAnEarlierVersion(4);
        mongo.getCollection("auditTrail").updateOne(Filters.eq("_id", 3L), Updates.set("actor", "somebody-else"));

        new AuditStartCheck(mongo, key, dataDir).afterSingletonsInstantiated();

        JsonNode verification = verify();
        assertThat(verification.get("firstBroken").asLong()).isEqualTo(3);
        assertThat(verification.get("sealedOnUpgrade").asLong()).isEqualTo(2);
    }

    @Test
    void anInstanceWhoseKeyVerifiesNoneOfTheNewestEntriesRefusesToStart(@TempDir Path dataDir) {
        for (int i = 1; i <= 3; i++) {
            trail.append("t", "WRITE", "POST", "/x/" + i, 201, "127.0.0.1");
        }

        assertThatThrownBy(() -> new AuditStartCheck(mongo, OTHER_KEY, dataDir).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("newest entries (seq 1–3) do not verify")
                .hasMessageContaining("PLN_AUDIT_KEY");
        assertThat(dataDir.resolve(AuditStartCheck.SEALED_FILE)).doesNotExist();
    }

    @Test
    void changedNewestEntriesAreReportedButDoNotStopTheStart(@TempDir Path dataDir, CapturedOutput output) {
        for (int i = 1; i <= 3; i++) {
            trail.append("t", "WRITE", "POST", "/x/" + i, 201, "127.0.0.1");
        }
        mongo.getCollection("auditTrail").updateOne(Filters.eq("_id", 3L), Updates.set("actor", "somebody-else"));

        new AuditStartCheck(mongo, key, dataDir).afterSingletonsInstantiated();

        assertThat(output.getAll()).contains("the entries after seq 2 do not verify with the audit key");
        assertThat(verify().get("firstBroken").asLong()).isEqualTo(3);
    }

    /** Entries 1 to {@code count} as versions before the audit key wrote them: chained by hash, without a mac. */
    void writeAsAnEarlierVersion(int count) {
        String previousHash = AuditEntry.GENESIS;
        for (long seq = 1; seq <= count; seq++) {
            AuditEntry unsealed = new AuditEntry(seq, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq), "cw",
                    "WRITE", "POST", "/api/v1/decisions", 201, "127.0.0.1", previousHash, null, null);
            AuditEntry hashed = new AuditEntry(seq, unsealed.at(), "cw", "WRITE", "POST", "/api/v1/decisions", 201,
                    "127.0.0.1", previousHash, unsealed.digest(), null);
            mongo.insert(hashed);
            previousHash = hashed.hash();
        }
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
        AuditTrail replica = new AuditTrail(mongo, key);
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
