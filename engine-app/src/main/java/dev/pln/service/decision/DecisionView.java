package dev.pln.service.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
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

/** A decision as the HTTP contract shows it; a preview has no {@code decisionId}. */
public record DecisionView(@JsonInclude(JsonInclude.Include.NON_NULL) String decisionId, String clientId,
        DecisionStatus status, Integer level, List<ProblemType> problems, List<BarrierType> barriers,
        List<String> missing, List<Measure> eligibleMeasures, List<PlanItem> plan, Explanation explanation,
        RulesetIdentity ruleset, Map<String, Object> facts, Instant decidedAt) {

    static DecisionView preview(String clientId, Evaluation evaluation, Map<String, Object> facts, Instant at) {
        return new DecisionView(null, clientId, evaluation.status(), evaluation.level(), evaluation.problems(),
                evaluation.barriers(), evaluation.missing(), evaluation.eligibleMeasures(), evaluation.plan(),
                evaluation.explanation(), evaluation.ruleset(), facts, at);
    }
}
