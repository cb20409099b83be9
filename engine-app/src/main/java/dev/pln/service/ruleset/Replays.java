package dev.pln.service.ruleset;

import dev.pln.model.ClientFacts;
import dev.pln.service.decision.ClientFactsRequest;
import dev.pln.service.decision.DecisionView;
import dev.pln.service.decision.Decisions;
import dev.pln.service.engine.DecisionEngine;
import dev.pln.service.engine.Evaluation;
import dev.pln.service.engine.Explanation;
import dev.pln.service.engine.FiredRule;
import dev.pln.service.engine.PlanItem;
import dev.pln.service.engine.Ruleset;
import dev.pln.service.engine.RulesetIdentity;
import dev.pln.service.system.InputProblemException;
import dev.pln.service.system.ResourceNotFoundException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-decides a stored decision's facts under the rule set that made it ({@code original}), the active one, or
 * any stored version, and says what differs from the stored decision. Nothing is stored.
 */
@Service
class Replays {

    static final String ORIGINAL = "original";
    static final String ACTIVE = "active";

    private final Decisions decisions;
    private final Rulesets rulesets;
    private final DecisionEngine engine;
    private final JsonMapper json;
    private final Clock clock;

    Replays(Decisions decisions, Rulesets rulesets, DecisionEngine engine, JsonMapper json, Optional<Clock> clock) {
        this.decisions = decisions;
        this.rulesets = rulesets;
        this.engine = engine;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    ReplayView replay(String decisionId, String which) {
        String ruleset = which == null ? ORIGINAL : which;
        if (!ORIGINAL.equals(ruleset) && !ACTIVE.equals(ruleset) && !Rulesets.VERSION.matcher(ruleset).matches()) {
            throw new InputProblemException("The rule set to replay with is invalid.", List.of(
                    new InputProblemException.FieldError("/ruleset", "must be \"original\", \"active\" or a version")));
        }
        DecisionView stored = decisions.findForEvaluation(decisionId)
                .orElseThrow(() -> new ResourceNotFoundException("No decision with id " + decisionId + "."));
        ClientFacts facts = json.convertValue(stored.facts(), ClientFactsRequest.class).toFacts();
        Evaluation replayed;
        if (ACTIVE.equals(ruleset)) {
            replayed = engine.evaluate(facts);
        }
        else if (ORIGINAL.equals(ruleset)) {
            replayed = onVersion(facts, stored.ruleset());
        }
        else {
            replayed = onVersion(facts, rulesets.existing(ruleset).identity());
        }
        DecisionView view = new DecisionView(null, stored.clientId(), replayed.status(), replayed.level(),
                replayed.problems(), replayed.barriers(), replayed.missing(), replayed.eligibleMeasures(),
                replayed.plan(), replayed.explanation(), replayed.ruleset(), stored.facts(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        // Decided on the whole facts; shown as the caller may see them.
        return new ReplayView(Decisions.asSeen(view), decisionId, ruleset, differences(stored, view));
    }

    /** Decides on exactly the named sources: the active set when it is the same, else the stored version compiled. */
    private Evaluation onVersion(ClientFacts facts, RulesetIdentity wanted) {
        if (wanted.equals(engine.activeRuleset().identity())) {
            Evaluation evaluation = engine.evaluate(facts);
            if (evaluation.ruleset().equals(wanted)) {
                return evaluation;
            }
            // The active set was swapped meanwhile: fall through to the stored version.
        }
        RulesetDocument document = rulesets.find(wanted.version()).orElseThrow(() -> new ResourceNotFoundException(
                "Rule set version " + wanted.version() + " is not stored, so it cannot be replayed."));
        if (!document.checksum().equals(wanted.checksum())) {
            throw new RulesetConflictException("The stored rule set " + wanted.version() + " has other sources ("
                    + document.checksum() + ") than the one that made the decision (" + wanted.checksum() + ").");
        }
        if (document.status() == RulesetStatus.REJECTED) {
            throw new RulesetConflictException("Version " + wanted.version() + " was rejected at upload; it cannot "
                    + "decide anything.");
        }
        Ruleset ruleset = rulesets.compile(document);
        try {
            return engine.evaluate(facts, ruleset, true);
        }
        finally {
            ruleset.dispose();
        }
    }

    static List<ReplayView.Difference> differences(DecisionView stored, DecisionView replayed) {
        List<ReplayView.Difference> differences = new ArrayList<>();
        compare(differences, "status", stored.status(), replayed.status());
        compare(differences, "level", stored.level(), replayed.level());
        compare(differences, "problems", stored.problems(), replayed.problems());
        compare(differences, "barriers", stored.barriers(), replayed.barriers());
        compare(differences, "missing", stored.missing(), replayed.missing());
        compare(differences, "eligibleMeasures", stored.eligibleMeasures(), replayed.eligibleMeasures());
        compare(differences, "plan", plan(stored.plan()), plan(replayed.plan()));
        compare(differences, "explanation.firedRules", firedRuleIds(stored.explanation()),
                firedRuleIds(replayed.explanation()));
        compare(differences, "explanation.summary", summary(stored.explanation()), summary(replayed.explanation()));
        compare(differences, "ruleset", stored.ruleset(), replayed.ruleset());
        return differences;
    }

    private static void compare(List<ReplayView.Difference> into, String field, Object stored, Object replayed) {
        if (!Objects.equals(stored, replayed)) {
            into.add(new ReplayView.Difference(field, stored, replayed));
        }
    }

    private static List<Map<String, String>> plan(List<PlanItem> plan) {
        return plan == null ? List.of()
                : plan.stream().map(item -> Map.of("measure", item.measure().name(), "ruleId",
                        String.valueOf(item.ruleId()))).toList();
    }

    private static List<String> firedRuleIds(Explanation explanation) {
        return explanation == null ? List.of()
                : explanation.firedRules().stream().map(FiredRule::ruleId).map(String::valueOf).toList();
    }

    private static String summary(Explanation explanation) {
        return explanation == null ? null : explanation.summary();
    }
}
