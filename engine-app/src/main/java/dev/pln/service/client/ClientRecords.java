package dev.pln.service.client;

import dev.pln.service.decision.DecisionMade;
import dev.pln.service.decision.Decisions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each client document in step with the decisions made: idempotent (history is a set) and
 * order-proof (an older decision arriving late joins the history but does not replace the current one).
 * Every query is by {@code _id} alone, the one lookup the embedded store answers from an index.
 */
@Component
public class ClientRecords {

    /** Which history entry is the current decision: the newest, ties broken by decision id. */
    static final Comparator<ClientDocument.HistoryEntry> NEWEST_LAST = Comparator
            .comparing(ClientDocument.HistoryEntry::decidedAt).thenComparing(ClientDocument.HistoryEntry::decisionId);

    private final MongoTemplate mongo;
    private final Decisions decisions;
    private final Clock clock;

    ClientRecords(MongoTemplate mongo, Decisions decisions, Optional<Clock> clock) {
        this.mongo = mongo;
        this.decisions = decisions;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @EventListener
    void on(DecisionMade decision) {
        ClientDocument.HistoryEntry entry = new ClientDocument.HistoryEntry(decision.decisionId(),
                decision.decidedAt(), decision.status(), decision.level(), decision.rulesetVersion());
        Optional<ClientDocument> before = find(decision.clientId());
        Update update = new Update().addToSet("history", entry).set("updatedAt", now())
                .setOnInsert("createdAt", now()).inc("version", 1);
        if (before.map(client -> isNewer(entry, client)).orElse(true)) {
            update.set("facts", decision.facts()).set("currentDecisionId", decision.decisionId())
                    .set("status", decision.status()).set("level", decision.level())
                    .set("currentDecidedAt", decision.decidedAt());
        }
        ClientDocument after = mongo.findAndModify(byId(decision.clientId()), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), ClientDocument.class);
        repairIfRaced(after);
    }

    /**
     * Replaces the direct identifiers in the client's latest facts, as {@link Decisions#pseudonymise} does in
     * its decisions. Returns whether the client was found.
     */
    public boolean pseudonymise(String clientId, String pseudonym, String placeholder) {
        boolean found = mongo.updateFirst(byId(clientId), new Update().set("facts.name", pseudonym),
                ClientDocument.class).getMatchedCount() > 0;
        mongo.updateFirst(Query.query(Criteria.where("_id").is(clientId).and("facts.jurisdiction.village")
                .exists(true)), new Update().set("facts.jurisdiction.village", placeholder), ClientDocument.class);
        return found;
    }

    Optional<ClientDocument> find(String clientId) {
        return Optional.ofNullable(mongo.findById(clientId, ClientDocument.class));
    }

    private static boolean isNewer(ClientDocument.HistoryEntry entry, ClientDocument client) {
        return client.currentDecisionId() == null || NEWEST_LAST.compare(entry, current(client)) >= 0;
    }

    private static ClientDocument.HistoryEntry current(ClientDocument client) {
        return new ClientDocument.HistoryEntry(client.currentDecisionId(), client.currentDecidedAt(), client.status(),
                client.level(), null);
    }

    /**
     * Two decisions for one client stored at the same moment can both see the older state and land in the
     * wrong order; the history then holds a newer entry than the current one, and the current is set again.
     */
    private void repairIfRaced(ClientDocument client) {
        if (client == null || client.history() == null || client.history().isEmpty()) {
            return;
        }
        ClientDocument.HistoryEntry newest = client.history().stream().max(NEWEST_LAST).orElseThrow();
        if (newest.decisionId().equals(client.currentDecisionId())) {
            return;
        }
        decisions.find(newest.decisionId()).ifPresent(decision -> mongo.updateFirst(byId(client.id()),
                new Update().set("facts", decision.facts()).set("currentDecisionId", newest.decisionId())
                        .set("status", newest.status()).set("level", newest.level())
                        .set("currentDecidedAt", newest.decidedAt()).inc("version", 1),
                ClientDocument.class));
    }

    private static Query byId(String clientId) {
        return Query.query(Criteria.where("_id").is(clientId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
