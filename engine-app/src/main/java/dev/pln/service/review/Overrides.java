package dev.pln.service.review;

import dev.pln.service.decision.DecisionView;
import dev.pln.service.decision.Decisions;
import dev.pln.service.engine.DecisionStatus;
import dev.pln.service.system.ConflictingRequestException;
import dev.pln.service.system.InputProblemException;
import dev.pln.service.system.ResourceNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Caseworkers' levels beside the rules' levels. The rules' result is never changed; the effective level is
 * the latest effective override's, or the rules' level when there is none.
 */
@Service
public class Overrides {

    private final MongoTemplate mongo;
    private final Decisions decisions;
    private final Clock clock;

    Overrides(MongoTemplate mongo, Decisions decisions, Optional<Clock> clock) {
        this.mongo = mongo;
        this.decisions = decisions;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The level a caseworker put in force for this decision, if any override is effective. */
    public Optional<Integer> effectiveLevel(String decisionId) {
        return forDecision(decisionId).stream().filter(o -> o.status() == OverrideDocument.Status.EFFECTIVE)
                .max(Comparator.comparing(OverrideDocument::effectiveAt)).map(OverrideDocument::level);
    }

    /**
     * Records an override. Rejects decisions without a level, a level equal to the rules' level, and a
     * lower level (fewer services) with a reason that may not lower it.
     */
    OverrideDocument propose(String decisionId, OverrideRequest request) {
        DecisionView decision = existing(decisionId);
        if (decision.status() != DecisionStatus.TIERED) {
            throw new ConflictingRequestException("Only a decision with a level can be overridden; this one is "
                    + decision.status() + ".");
        }
        if (request.level().equals(decision.level())) {
            throw new InputProblemException("The override repeats the rules' level.",
                    List.of(new InputProblemException.FieldError("/level", "must differ from the rules' level "
                            + decision.level())));
        }
        if (request.level() < decision.level() && !request.reasonCode().lowers()) {
            throw new InputProblemException("This reason cannot move a client to fewer services.",
                    List.of(new InputProblemException.FieldError("/reasonCode",
                            "must be one of the reasons that may lower a level (docs/reviewer-guide.md)")));
        }
        Object assessedBy = decision.facts().get("assessedBy");
        OverrideDocument document = OverrideDocument.proposed(UUID.randomUUID().toString(), decisionId,
                decision.clientId(), decision.level(), request.level(), DecidingRule.of(decision),
                assessedBy == null ? null : assessedBy.toString(), request.reasonCode(), request.reason(),
                request.by(), now());
        return mongo.insert(document);
    }

    /** Confirms a pending override by a second person; the proposer cannot confirm their own. */
    OverrideDocument confirm(String decisionId, String overrideId, String by) {
        existing(decisionId);
        OverrideDocument pending = Optional.ofNullable(mongo.findById(overrideId, OverrideDocument.class))
                .filter(o -> o.decisionId().equals(decisionId))
                .orElseThrow(() -> new ResourceNotFoundException(
                        "No override " + overrideId + " on decision " + decisionId + "."));
        if (pending.status() != OverrideDocument.Status.PENDING) {
            throw new ConflictingRequestException("This override is already effective.");
        }
        if (pending.by().equals(by)) {
            throw new InputProblemException("The proposer cannot confirm their own override.",
                    List.of(new InputProblemException.FieldError("/by", "must be a second person")));
        }
        OverrideDocument confirmed = pending.confirmed(by, now());
        // Only the pending version is replaced, so two confirmations racing cannot both succeed.
        var result = mongo.replace(Query.query(Criteria.where("_id").is(overrideId).and("status")
                .is(OverrideDocument.Status.PENDING)), confirmed);
        if (result.getModifiedCount() == 0) {
            throw new ConflictingRequestException("This override is already effective.");
        }
        return confirmed;
    }

    List<OverrideDocument> forDecision(String decisionId) {
        return mongo.find(Query.query(Criteria.where("decisionId").is(decisionId))
                .with(Sort.by("proposedAt")), OverrideDocument.class);
    }

    List<OverrideDocument> all() {
        return mongo.findAll(OverrideDocument.class);
    }

    private DecisionView existing(String decisionId) {
        return decisions.find(decisionId)
                .orElseThrow(() -> new ResourceNotFoundException("No decision with id " + decisionId + "."));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
