package dev.pln.service.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Before the service takes requests: refuses to start when this instance's key does not verify the newest entries,
 * rather than continue the trail under another key; then seals the entries an earlier version wrote without a mac
 * (once per data directory).
 */
@Component
class AuditStartCheck implements SmartInitializingSingleton {

    /** Written once the trail was sealed from this data directory; from then on no entry is sealed on upgrade. */
    static final String SEALED_FILE = "audit-trail-sealed";

    /** How many of the newest entries must all fail before the key, not the entries, is taken to be wrong. */
    static final int LOOK_BACK = 10;

    private static final int BATCH = 500;

    private static final Logger log = LoggerFactory.getLogger(AuditStartCheck.class);

    private final MongoTemplate mongo;

    private final AuditKey key;

    private final Path dataDir;

    AuditStartCheck(MongoTemplate mongo, AuditKey key, @Value("${pln.storage.data-dir:./data}") Path dataDir) {
        this.mongo = mongo;
        this.key = key;
        this.dataDir = dataDir;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            checkTheKeyVerifiesTheNewestEntries();
            Path sealedFile = dataDir.resolve(SEALED_FILE);
            // Only once: if every start sealed what has no mac, anybody who stripped the macs from a rewritten
            // trail would only have to wait for a restart to have it sealed as genuine.
            if (!Files.exists(sealedFile)) {
                sealEntriesWrittenWithoutAKey();
                markSealed(sealedFile);
            }
        }
        catch (DataAccessResourceFailureException storeDown) {
            // As with the indexes: the service starts and serves (503 until the store is back); the next start checks.
            log.warn("Audit trail not checked at start, the store is unreachable; the next start checks it");
        }
    }

    /** Seals, in order, the entries without a mac that follow one another by number and hash; stops at a break. */
    void sealEntriesWrittenWithoutAKey() {
        AuditEntry previous = null;
        Long broken = null;
        long sealed = 0;
        List<AuditEntry> batch = new ArrayList<>();
        try (Stream<AuditEntry> trail = mongo.stream(new Query().with(Sort.by("_id")), AuditEntry.class)) {
            for (AuditEntry entry : (Iterable<AuditEntry>) trail::iterator) {
                Optional<AuditEntry.Seal> seal = entry.sealBy(key);
                if (seal.equals(Optional.of(AuditEntry.Seal.WHEN_WRITTEN))) {
                    break; // this version wrote from here on; earlier versions wrote only what came before
                }
                if (!entry.follows(previous) || (entry.mac() != null && seal.isEmpty())) {
                    broken = entry.seq();
                    break;
                }
                if (seal.isEmpty()) {
                    batch.add(entry);
                    if (batch.size() == BATCH) {
                        sealed += seal(batch);
                    }
                }
                previous = entry;
            }
        }
        sealed += seal(batch);
        if (sealed > 0) {
            log.warn("Audit trail: sealed {} entries written by an earlier version with the audit key; a change made "
                    + "to them before now is found only if it broke their hash chain", sealed);
        }
        if (broken != null) {
            log.error("Audit trail: sealing the entries an earlier version wrote stopped at seq {}, where the trail "
                    + "breaks (an entry changed, removed or inserted); those from there on are left unsealed, and "
                    + "verifying reports the trail broken there", broken);
        }
    }

    private long seal(List<AuditEntry> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        BulkOperations sealing = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AuditEntry.class);
        for (AuditEntry entry : batch) {
            // Only where there is still no mac: another instance with the same key may be sealing the same entries.
            sealing.updateOne(new Query(Criteria.where("_id").is(entry.seq()).and("mac").exists(false)),
                    Update.update("mac", entry.macBy(key, AuditEntry.Seal.ON_UPGRADE)));
        }
        sealing.execute();
        int count = batch.size();
        batch.clear();
        return count;
    }

    private void markSealed(Path sealedFile) {
        try {
            Files.createDirectories(dataDir);
            Files.writeString(sealedFile, "The audit trail this instance uses was sealed with its audit key; entries "
                    + "without a mac are not sealed again.\n", StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            log.error("Audit trail: cannot write {}; every start will seal entries that have no mac ({})",
                    sealedFile.toAbsolutePath(), ex.getClass().getSimpleName());
        }
    }

    /**
     * Refuses to start when none of the newest entries that carry a mac verifies with this instance's key: then
     * the key is not the one the trail was written with. When an older one verifies, the newer ones were changed in
     * the store: that is said, and verifying names them, but the service starts.
     */
    void checkTheKeyVerifiesTheNewestEntries() {
        AuditEntry newest = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                AuditEntry.class);
        if (newest == null) {
            log.info("Audit trail: empty; sealed with the audit key from {}", key.source());
            return;
        }
        AuditEntry entry = newest;
        AuditEntry oldestChecked = newest;
        boolean anyMac = false;
        for (int i = 0; entry != null && i < LOOK_BACK; i++) {
            if (entry.sealBy(key).isPresent()) {
                if (entry == newest) {
                    log.info("Audit trail: the newest entry (seq {}) verifies with the audit key from {}",
                            newest.seq(), key.source());
                }
                else {
                    log.error("Audit trail: the entries after seq {} do not verify with the audit key: they were "
                            + "changed in the store; verifying names the first", entry.seq());
                }
                return;
            }
            anyMac |= entry.mac() != null;
            oldestChecked = entry;
            entry = mongo.findById(entry.seq() - 1, AuditEntry.class);
        }
        if (anyMac) {
            String entries = oldestChecked.seq() == newest.seq() ? "seq " + newest.seq()
                    : "seq " + oldestChecked.seq() + "–" + newest.seq();
            throw new IllegalStateException("The audit trail's newest entries (" + entries + ") do not verify with "
                    + "this instance's audit key (from " + key.source() + "): either the trail was written with "
                    + "another key or those entries were changed. Every instance on one store needs the same key: set "
                    + "PLN_AUDIT_KEY on each to the key the trail was written with (an instance that generated its "
                    + "key keeps it in <pln.storage.data-dir>/" + AuditKey.FILE + "). Not starting, so as not to "
                    + "continue the trail under another key.");
        }
    }
}
