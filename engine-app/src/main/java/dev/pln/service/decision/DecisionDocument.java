package dev.pln.service.decision;

import dev.pln.model.BarrierType;
import dev.pln.model.Measure;
import dev.pln.model.ProblemType;
import dev.pln.service.engine.DecisionStatus;
import dev.pln.service.engine.Evaluation;
import dev.pln.service.engine.Explanation;
import dev.pln.service.engine.PlanItem;
import dev.pln.service.engine.RulesetIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One stored decision: the facts exactly as evaluated, the result, its explanation and the rule set that
 * made it. Written once, never changed, so a reviewer reads years later what the intake system was told.
 */
@Document(DecisionDocument.COLLECTION)
record DecisionDocument(@Id String id, String clientId, DecisionStatus status, Integer level,
        List<ProblemType> problems, List<BarrierType> barriers, List<String> missing, List<Measure> eligibleMeasures,
        List<PlanItem> plan, Explanation explanation, RulesetIdentity ruleset, Map<String, Object> facts,
        Instant decidedAt, String idempotencyKey, String requestHash, String createdBy) {

    static final String COLLECTION = "decisions";

    DecisionDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(explanation, "a stored decision always carries its explanation");
        Objects.requireNonNull(ruleset, "ruleset");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if ((status == DecisionStatus.TIERED) != (level != null)) {
            throw new IllegalArgumentException("a level is stored exactly when the status is TIERED");
        }
    }

    /** A new decision; {@code createdBy} is the signed-in caller that posted it (null while security is off). */
    static DecisionDocument of(String id, String clientId, Evaluation evaluation, Map<String, Object> facts,
            Instant decidedAt, String idempotencyKey, String requestHash, String createdBy) {
        return new DecisionDocument(id, clientId, evaluation.status(), evaluation.level(), evaluation.problems(),
                evaluation.barriers(), evaluation.missing(), evaluation.eligibleMeasures(), evaluation.plan(),
                evaluation.explanation(), evaluation.ruleset(), facts, decidedAt, idempotencyKey, requestHash,
                createdBy);
    }

    DecisionView toView() {
        return new DecisionView(id, clientId, status, level, problems, barriers, missing, eligibleMeasures, plan,
                explanation, ruleset, facts, decidedAt);
    }
}
