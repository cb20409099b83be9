package dev.pln.service.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Appends to and verifies the hash-chained audit trail. Each append reads the head of the trail (one indexed
 * look-up) and inserts the next entry; appends are serialised in this process, and replicas that append at the
 * same time collide on the next {@code seq} (the {@code _id}): the loser reads the new head and tries again, so
 * the chain stays one line across instances.
 */
@Service
class AuditTrail {

    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;

    private final Clock clock;

    AuditTrail(MongoTemplate mongo) {
        this.mongo = mongo;
        this.clock = Clock.systemUTC();
    }

    /** Records one entry at the end of the trail and returns it. */
    synchronized AuditEntry append(String actor, String action, String method, String path, int status,
            String from) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (int attempt = 1;; attempt++) {
            AuditEntry head = mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1),
                    AuditEntry.class);
            AuditEntry entry = head == null
                    ? AuditEntry.seal(1, at, actor, action, method, path, status, from, AuditEntry.GENESIS)
                    : AuditEntry.seal(head.seq() + 1, at, actor, action, method, path, status, from, head.hash());
            try {
                return mongo.insert(entry);
            }
            catch (DuplicateKeyException ex) {
                // Another instance took this place in the trail: read the new head and go again.
                if (attempt == MAX_ATTEMPTS) {
                    throw ex;
                }
            }
        }
    }

    /** Walks the whole trail in order and says whether, and where first, it was tampered with. */
    AuditVerification verify() {
        long entries = 0;
        long expectedSeq = 1;
        String previous = AuditEntry.GENESIS;
        Long firstBroken = null;
        try (Stream<AuditEntry> trail = mongo.stream(new Query().with(Sort.by("_id")), AuditEntry.class)) {
            for (AuditEntry entry : (Iterable<AuditEntry>) trail::iterator) {
                entries++;
                if (firstBroken == null && (entry.seq() != expectedSeq || !previous.equals(entry.previousHash())
                        || !entry.digest().equals(entry.hash()))) {
                    firstBroken = entry.seq();
                }
                expectedSeq = entry.seq() + 1;
                previous = entry.hash();
            }
        }
        return new AuditVerification(firstBroken == null, entries, firstBroken);
    }
}
