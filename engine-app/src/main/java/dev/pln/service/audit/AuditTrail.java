package dev.pln.service.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Appends to and verifies the audit trail, each entry chained to the one before and sealed with the
 * {@link AuditKey}. Appends are written in groups: each request queues its entry, and whoever holds the writer
 * lock seals every queued entry onto the head of the trail and inserts them with one ordered write — so the
 * requests of one moment share one round trip instead of queueing for one each.
 * Each group reads the head of the trail first (one indexed look-up); replicas that append at the same time
 * collide on the next {@code seq} (the {@code _id}), and the loser keeps what it wrote, reads the new head and
 * seals the rest again, so the chain stays one line across instances.
 */
@Service
class AuditTrail {

    private static final int MAX_ATTEMPTS = 20;
    private static final int MAX_GROUP = 500;

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final MongoTemplate mongo;

    private final AuditKey key;

    private final Clock clock;

    private final Queue<Pending> queued = new ConcurrentLinkedQueue<>();

    private final ReentrantLock writer = new ReentrantLock();

    /** The last entry this instance stored; guarded by {@link #writer}. */
    private AuditEntry lastWritten;

    /** The last entry without this instance's seal that a group was appended after; guarded by {@link #writer}. */
    private long reportedUnsealedHead;

    AuditTrail(MongoTemplate mongo, AuditKey key) {
        this.mongo = mongo;
        this.key = key;
        this.clock = Clock.systemUTC();
    }

    /** An entry waiting for its place in the trail. */
    private static final class Pending {

        final String actor;
        final String action;
        final String method;
        final String path;
        final int status;
        final String from;
        final Instant at;
        AuditEntry written;
        RuntimeException failed;

        Pending(String actor, String action, String method, String path, int status, String from, Instant at) {
            this.actor = actor;
            this.action = action;
            this.method = method;
            this.path = path;
            this.status = status;
            this.from = from;
            this.at = at;
        }

        boolean settled() {
            return written != null || failed != null;
        }

        AuditEntry sealedAfter(long seq, String previousHash, AuditKey key) {
            return AuditEntry.seal(seq + 1, at, actor, action, method, path, status, from, previousHash, key);
        }
    }

    /** Records one entry at the end of the trail and returns it, once it is stored. */
    AuditEntry append(String actor, String action, String method, String path, int status, String from) {
        Pending mine = new Pending(actor, action, method, path, status, from,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        queued.add(mine);
        while (true) {
            writer.lock();
            try {
                if (!mine.settled()) {
                    writeQueued();
                }
            }
            finally {
                writer.unlock();
            }
            if (mine.written != null) {
                return mine.written;
            }
            if (mine.failed != null) {
                throw mine.failed;
            }
        }
    }

    /** Seals and writes what is queued, in order; settles every entry it took. Runs under the writer lock. */
    private void writeQueued() {
        List<Pending> group = new ArrayList<>();
        for (Pending next; group.size() < MAX_GROUP && (next = queued.poll()) != null;) {
            group.add(next);
        }
        try {
            write(group);
        }
        catch (RuntimeException storeFailed) {
            // The store failed outside the insert itself (reading the head, or what was stored): every entry of
            // the group not yet settled fails with it, so that no caller waits for an entry nobody will write.
            lastWritten = null;
            group.stream().filter(pending -> !pending.settled()).forEach(pending -> pending.failed = storeFailed);
        }
    }

    /** Seals the group onto the head and inserts it; retries what another instance's appends displaced. */
    private void write(List<Pending> taken) {
        List<Pending> group = taken;
        for (int attempt = 1; !group.isEmpty(); attempt++) {
            AuditEntry head = head();
            reportIfUnsealed(head);
            long seq = head == null ? 0 : head.seq();
            String hash = head == null ? AuditEntry.GENESIS : head.hash();
            List<AuditEntry> entries = new ArrayList<>(group.size());
            for (Pending pending : group) {
                AuditEntry entry = pending.sealedAfter(seq, hash, key);
                entries.add(entry);
                seq = entry.seq();
                hash = entry.hash();
            }
            try {
                mongo.insertAll(entries);
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).written = entries.get(i);
                }
                lastWritten = entries.get(entries.size() - 1);
                return;
            }
            catch (RuntimeException ex) {
                // An ordered write stops at its first failure: keep what was stored, seal the rest again after
                // the trail's real head — found by stepping past what another instance appended.
                List<Pending> rest = new ArrayList<>();
                AuditEntry newest = null;
                for (int i = 0; i < group.size(); i++) {
                    AuditEntry stored = rest.isEmpty() ? mongo.findById(entries.get(i).seq(), AuditEntry.class) : null;
                    if (stored != null && stored.hash().equals(entries.get(i).hash())) {
                        group.get(i).written = stored;
                        newest = stored;
                    }
                    else {
                        if (rest.isEmpty() && stored != null) {
                            newest = stored;
                        }
                        rest.add(group.get(i));
                    }
                }
                lastWritten = newest == null ? null : after(newest);
                group = rest;
                boolean anotherWriter = ex instanceof DataIntegrityViolationException;
                if (!group.isEmpty() && (!anotherWriter || attempt >= MAX_ATTEMPTS)) {
                    group.forEach(pending -> pending.failed = ex);
                    return;
                }
            }
        }
    }

    /**
     * The newest entry as far as this instance knows: the last one it wrote, once one look-up by {@code _id}
     * confirms it is still stored (the embedded store answers only {@code _id} look-ups from an index; a sort
     * would scan the whole trail). If another instance appended since, the insert after it collides on the next
     * {@code seq}, and the retry starts from the trail's real head, found by stepping from the entry it collided
     * with; a sorted look-up only when this instance wrote nothing yet or its last entry is gone (a store emptied
     * and refilled).
     */
    private AuditEntry head() {
        if (lastWritten != null) {
            AuditEntry stored = mongo.findById(lastWritten.seq(), AuditEntry.class);
            if (stored != null && stored.hash().equals(lastWritten.hash())) {
                return stored;
            }
            // The trail never loses an entry by itself: the newest ones were removed or changed in the store (or
            // the store was emptied or restored). Verifying cannot see a removal of the newest entries; this can.
            log.error("Audit trail: entry {}, which this instance wrote, is no longer in the store as written "
                    + "(removed, changed, or the store emptied or restored)", lastWritten.seq());
            lastWritten = null;
        }
        return mongo.findOne(new Query().with(Sort.by(Sort.Direction.DESC, "_id")).limit(1), AuditEntry.class);
    }

    /**
     * Says so, once per entry, when a group is about to be appended after an entry this instance's key did not seal:
     * changed in the store, or written by an instance with another key (one that started on an empty trail at the
     * same moment as this one, before either could see the other's key at work).
     */
    private void reportIfUnsealed(AuditEntry head) {
        if (head != null && head.seq() != reportedUnsealedHead && head.sealBy(key).isEmpty()) {
            reportedUnsealedHead = head.seq();
            log.error("Audit trail: appending after entry {}, which is not sealed with this instance's audit key "
                    + "(changed in the store, or written by an instance with another key)", head.seq());
        }
    }

    /** The newest entry from {@code entry} on, stepping by {@code _id}. */
    private AuditEntry after(AuditEntry entry) {
        AuditEntry newest = entry;
        for (AuditEntry next; (next = mongo.findById(newest.seq() + 1, AuditEntry.class)) != null;) {
            newest = next;
        }
        return newest;
    }

    /**
     * Walks the whole trail in order and says whether, and where first, it was tampered with: an entry breaks the
     * trail when it does not follow the one before by number and hash, or this instance's key did not seal it as
     * it is — an entry without a mac included, for every entry an earlier version wrote was sealed at the first
     * start of this one ({@link AuditStartCheck}).
     */
    AuditVerification verify() {
        long entries = 0;
        long sealedOnUpgrade = 0;
        AuditEntry previous = null;
        Long firstBroken = null;
        try (Stream<AuditEntry> trail = mongo.stream(new Query().with(Sort.by("_id")), AuditEntry.class)) {
            for (AuditEntry entry : (Iterable<AuditEntry>) trail::iterator) {
                entries++;
                Optional<AuditEntry.Seal> seal = entry.sealBy(key);
                if (seal.equals(Optional.of(AuditEntry.Seal.ON_UPGRADE))) {
                    sealedOnUpgrade++;
                }
                if (firstBroken == null && (!entry.follows(previous) || seal.isEmpty())) {
                    firstBroken = entry.seq();
                }
                previous = entry;
            }
        }
        return new AuditVerification(firstBroken == null, entries, firstBroken, sealedOnUpgrade);
    }
}
