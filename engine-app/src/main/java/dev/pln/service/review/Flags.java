package dev.pln.service.review;

import dev.pln.service.decision.Decisions;
import dev.pln.service.system.ResourceNotFoundException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reviewers' flags on decisions. */
@Service
class Flags {

    private final MongoTemplate mongo;
    private final Decisions decisions;
    private final Clock clock;

    Flags(MongoTemplate mongo, Decisions decisions, Optional<Clock> clock) {
        this.mongo = mongo;
        this.decisions = decisions;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Records a flag on an existing decision. */
    FlagDocument raise(String decisionId, FlagRequest request) {
        if (decisions.find(decisionId).isEmpty()) {
            throw new ResourceNotFoundException("No decision with id " + decisionId + ".");
        }
        return mongo.insert(new FlagDocument(UUID.randomUUID().toString(), decisionId, request.comment(),
                request.by(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    List<FlagDocument> forDecision(String decisionId) {
        return mongo.find(Query.query(Criteria.where("decisionId").is(decisionId)).with(Sort.by("at")),
                FlagDocument.class);
    }

    List<FlagDocument> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at")), FlagDocument.class);
    }
}
