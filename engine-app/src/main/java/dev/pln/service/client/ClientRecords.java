package dev.pln.service.client;

import dev.pln.service.decision.DecisionMade;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each client document in step with the decisions made: one upsert per decision, idempotent, and
 * order-proof (an older decision arriving late joins the history but does not replace the current one).
 */
@Component
class ClientRecords {

    private final MongoTemplate mongo;
    private final Clock clock;

    ClientRecords(MongoTemplate mongo, Optional<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @EventListener
    void on(DecisionMade decision) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ClientDocument.HistoryEntry entry = new ClientDocument.HistoryEntry(decision.decisionId(),
                decision.decidedAt(), decision.status(), decision.level(), decision.rulesetVersion());
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(decision.clientId())
                .orOperator(Criteria.where("currentDecidedAt").lt(decision.decidedAt()),
                        Criteria.where("currentDecidedAt").exists(false),
                        Criteria.where("currentDecisionId").is(decision.decisionId())));
        Update current = new Update().set("facts", decision.facts()).set("currentDecisionId", decision.decisionId())
                .set("status", decision.status()).set("level", decision.level())
                .set("currentDecidedAt", decision.decidedAt()).set("updatedAt", now).setOnInsert("createdAt", now)
                .inc("version", 1).addToSet("history", entry);
        try {
            mongo.upsert(olderOrAbsent, current, ClientDocument.class);
        }
        catch (DuplicateKeyException newerDecisionIsCurrent) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(decision.clientId())),
                    new Update().addToSet("history", entry).set("updatedAt", now).inc("version", 1),
                    ClientDocument.class);
        }
    }

    Optional<ClientDocument> find(String clientId) {
        return Optional.ofNullable(mongo.findById(clientId, ClientDocument.class));
    }
}
