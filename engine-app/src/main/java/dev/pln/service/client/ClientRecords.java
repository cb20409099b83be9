package dev.pln.service.client;

import dev.pln.service.decision.DecisionMade;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each client document in step with the decisions made: idempotent (history is a set) and
 * order-proof (an older decision arriving late joins the history but does not replace the current one; the
 * current one is the newest by decision time, ties broken by decision id). Every query is by {@code _id}, the one
 * lookup the embedded store answers from an index, with conditions on the document found.
 */
@Component
public class ClientRecords {

    private final MongoTemplate mongo;
    private final Clock clock;

    ClientRecords(MongoTemplate mongo, Optional<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @EventListener
    void on(DecisionMade decision) {
        ClientDocument.HistoryEntry entry = new ClientDocument.HistoryEntry(decision.decisionId(),
                decision.decidedAt(), decision.status(), decision.level(), decision.rulesetVersion());
        // One write makes a new client, with this decision current; for a known client it only adds the entry.
        Update joined = new Update().addToSet("history", entry).set("updatedAt", now()).inc("version", 1)
                .setOnInsert("createdAt", now());
        current(decision).forEach(joined::setOnInsert);
        if (mongo.upsert(byId(decision.clientId()), joined, ClientDocument.class).getUpsertedId() != null) {
            return;
        }
        // A known client: the decision becomes current only if it is at least as new as the current one, which
        // the store checks in the same step that sets it — so decisions stored at the same moment cannot land
        // in the wrong order.
        Update current = new Update();
        current(decision).forEach(current::set);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(decision.clientId()).orOperator(
                Criteria.where("currentDecisionId").is(null),
                Criteria.where("currentDecidedAt").lt(decision.decidedAt()),
                Criteria.where("currentDecidedAt").is(decision.decidedAt()).and("currentDecisionId")
                        .lte(decision.decisionId()))), current, ClientDocument.class);
    }

    /** The fields that say which decision is the client's current one. */
    private static Map<String, Object> current(DecisionMade decision) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("facts", decision.facts());
        fields.put("currentDecisionId", decision.decisionId());
        fields.put("status", decision.status());
        fields.put("level", decision.level());
        fields.put("currentDecidedAt", decision.decidedAt());
        return fields;
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

    private static Query byId(String clientId) {
        return Query.query(Criteria.where("_id").is(clientId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
