package dev.pln.service.privacy;

import com.mongodb.client.model.ReplaceOptions;
import dev.pln.service.client.ClientRecords;
import dev.pln.service.decision.Decisions;
import dev.pln.service.services.Casework;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Pseudonymises the personal data of cases closed longer ago than {@code pln.retention.pseudonymise-after}: in
 * every stored decision and in the client record the name becomes {@code 假名-<pseudonym>} and the village
 * {@value #PLACEHOLDER}; the free text of services and follow-ups is dropped. Levels, measures, plans,
 * explanations, rule versions, dates and outcomes stay, and the rules read none of what changed, so a replay
 * decides as before. Each pseudonymised client is marked (collection {@code pseudonymised}) and skipped after.
 */
@Service
class Retention implements SmartLifecycle {

    static final String PLACEHOLDER = "已假名化";
    static final String MARKS = "pseudonymised";

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RetentionSettings settings;
    private final Casework casework;
    private final Decisions decisions;
    private final ClientRecords clients;
    private final Pseudonyms pseudonyms;
    private final MongoTemplate mongo;
    private final Clock clock;

    private ScheduledExecutorService sweeper;

    Retention(RetentionSettings settings, Casework casework, Decisions decisions, ClientRecords clients,
            Pseudonyms pseudonyms, MongoTemplate mongo, Optional<Clock> clock) {
        this.settings = settings;
        this.casework = casework;
        this.decisions = decisions;
        this.clients = clients;
        this.pseudonyms = pseudonyms;
        this.mongo = mongo;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What one sweep did. */
    record Sweep(LocalDate closedBefore, int clients, long decisions) {
    }

    /** Pseudonymises every case closed before {@code today} minus the period that is not pseudonymised yet. */
    Sweep sweep(LocalDate today) {
        LocalDate cutoff = today.minus(settings.pseudonymiseAfter());
        int done = 0;
        long changedDecisions = 0;
        for (Casework.ClosedCase closed : casework.closedBefore(cutoff)) {
            // One mark per closure: a case reopened and closed again is pseudonymised again.
            String mark = closed.clientId() + "@" + closed.closedOn();
            if (mongo.getCollection(MARKS).find(new Document("_id", mark)).first() != null) {
                continue;
            }
            String pseudonym = "假名-" + pseudonyms.of("client", closed.clientId());
            changedDecisions += decisions.pseudonymise(closed.clientId(), pseudonym, PLACEHOLDER);
            clients.pseudonymise(closed.clientId(), pseudonym, PLACEHOLDER);
            casework.pseudonymise(closed.clientId(), PLACEHOLDER);
            mongo.getCollection(MARKS).replaceOne(new Document("_id", mark),
                    new Document("_id", mark).append("clientId", closed.clientId())
                            .append("closedOn", closed.closedOn().toString())
                            .append("at", Date.from(Instant.now(clock))),
                    new ReplaceOptions().upsert(true));
            done++;
        }
        return new Sweep(cutoff, done, changedDecisions);
    }

    Sweep sweepNow() {
        return sweep(LocalDate.ofInstant(Instant.now(clock), ZoneOffset.UTC));
    }

    @Override
    public void start() {
        long every = settings.sweepInterval().toMillis();
        if (every <= 0) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "retention-sweep");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            Sweep sweep = sweepNow();
            if (sweep.clients() > 0) {
                log.info("Retention: pseudonymised {} closed cases ({} decisions) closed before {}", sweep.clients(),
                        sweep.decisions(), sweep.closedBefore());
            }
        }
        catch (RuntimeException ex) {
            log.warn("Retention sweep failed, will try again: {}", ex.getClass().getSimpleName());
        }
    }

    @Override
    public void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
            sweeper = null;
        }
    }

    @Override
    public boolean isRunning() {
        return sweeper != null;
    }
}
