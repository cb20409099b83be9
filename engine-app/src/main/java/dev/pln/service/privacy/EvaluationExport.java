package dev.pln.service.privacy;

import dev.pln.service.decision.DecisionCriteria;
import dev.pln.service.decision.DecisionView;
import dev.pln.service.decision.Decisions;
import dev.pln.service.engine.FiredRule;
import dev.pln.service.engine.PlanItem;
import dev.pln.service.services.CaseSummary;
import dev.pln.service.services.Casework;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pseudonymised export for evaluators: one JSON line per stored decision with what was decided, why (rule
 * ids), under which rules, the assessment in coarse categories, and the client's outcome — and no direct
 * identifier: clients and decisions appear as keyed pseudonyms, dates as days, age as a band; no name, village,
 * free text, sex, health or income status.
 */
@Component
class EvaluationExport {

    private final Decisions decisions;
    private final Casework casework;
    private final Pseudonyms pseudonyms;
    private final JsonMapper json;

    EvaluationExport(Decisions decisions, Casework casework, Pseudonyms pseudonyms, JsonMapper json) {
        this.decisions = decisions;
        this.casework = casework;
        this.pseudonyms = pseudonyms;
        this.json = json;
    }

    /** Writes every decision as one line to {@code out}; returns how many. */
    long write(OutputStream out) {
        Map<String, CaseSummary> outcomes = new HashMap<>();
        casework.summaries(null, null, null).forEach(summary -> outcomes.put(summary.clientId(), summary));
        long[] lines = { 0 };
        decisions.forEach(DecisionCriteria.all(), decision -> {
            try {
                out.write(json.writeValueAsBytes(line(decision, outcomes.get(decision.clientId()))));
                out.write('\n');
                lines[0]++;
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        return lines[0];
    }

    Map<String, Object> line(DecisionView decision, CaseSummary outcome) {
        Map<String, Object> facts = decision.facts();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("subject", pseudonyms.of("client", decision.clientId()));
        line.put("decision", pseudonyms.of("decision", decision.decisionId()));
        line.put("decidedOn", LocalDate.ofInstant(decision.decidedAt(), ZoneOffset.UTC).toString());
        line.put("rulesetVersion", decision.ruleset() == null ? null : decision.ruleset().version());
        line.put("status", decision.status());
        line.put("level", decision.level());
        line.put("problems", decision.problems());
        line.put("barriers", decision.barriers());
        line.put("missing", decision.missing());
        line.put("eligibleMeasures", decision.eligibleMeasures());
        line.put("plannedMeasures", decision.plan() == null ? List.of()
                : decision.plan().stream().map(PlanItem::measure).toList());
        line.put("firedRules", decision.explanation() == null ? List.of()
                : decision.explanation().firedRules().stream().map(FiredRule::ruleId).toList());
        line.put("town", jurisdiction(facts, "town"));
        line.put("targetGroup", facts.get("targetGroup"));
        line.put("ageBand", ageBand(facts.get("age")));
        line.put("willingness", facts.get("willingness"));
        line.put("goalClarity", nested(facts, "goal", "clarity"));
        line.put("education", nested(facts, "conditions", "education"));
        line.put("outcome", outcome == null ? null : outcome(outcome));
        return line;
    }

    private static Map<String, Object> outcome(CaseSummary summary) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("entryLevel", summary.entryLevel());
        outcome.put("level", summary.level());
        outcome.put("served", summary.served());
        outcome.put("employed", summary.employedOn() != null);
        outcome.put("publicWelfare", summary.publicWelfare());
        outcome.put("retained3m", summary.retained3m());
        outcome.put("retained6m", summary.retained6m());
        outcome.put("measuresDelivered", summary.measureCounts());
        outcome.put("transitions", summary.transitions());
        return outcome;
    }

    /** Five-year bands from 16 ("16-20", "21-25", …) and "61+"; null when the age is unknown. */
    static String ageBand(Object age) {
        if (!(age instanceof Number number)) {
            return null;
        }
        int years = number.intValue();
        if (years < 16) {
            return "<16";
        }
        if (years > 60) {
            return "61+";
        }
        int low = 16 + (years - 16) / 5 * 5;
        return low + "-" + (low + 4);
    }

    private static Object jurisdiction(Map<String, Object> facts, String key) {
        return nested(facts, "jurisdiction", key);
    }

    private static Object nested(Map<String, Object> facts, String outer, String key) {
        return facts != null && facts.get(outer) instanceof Map<?, ?> inner ? inner.get(key) : null;
    }

}
