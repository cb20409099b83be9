package dev.pln.service.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code audit} collection: append-only, one entry per upload, rejection, impact run, activation and retirement. */
@Component
class AuditLog {

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditLog(MongoTemplate mongo, Optional<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    AuditEntry record(String actor, AuditAction action, String version, String checksum, String reason,
            Map<String, Object> details) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), now(), actor, action, version, checksum,
                reason, details);
        mongo.insert(entry);
        return entry;
    }

    /** A version's audit trail, newest first. */
    List<AuditEntry> forVersion(String version) {
        return mongo.find(Query.query(Criteria.where("version").is(version))
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"))), AuditEntry.class);
    }

    void declareIndexes() {
        mongo.indexOps(AuditEntry.class).createIndex(new Index().on("version", Sort.Direction.ASC)
                .on("at", Sort.Direction.DESC));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
