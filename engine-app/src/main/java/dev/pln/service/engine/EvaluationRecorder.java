package dev.pln.service.engine;

import dev.pln.model.Conclusion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Match;

/**
 * Listens to one evaluation. It keeps raw references only (the rule set's cached description of the rule,
 * matched values): turning them into explanation text happens once, after the engine's loop, so capture
 * stays cheap.
 */
final class EvaluationRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    /** A firing as the engine saw it: the rule and the values of its declarations, in declaration order. */
    record Firing(RuleDescription rule, Object[] values) {
    }

    /** A result fact and the rule whose consequence inserted it. */
    record Concluded(Conclusion conclusion, Rule rule) {
    }

    /**
     * More firings than this for one client means a rule keeps re-firing (e.g. inserting what it matches):
     * the session is halted rather than left to run for ever. The PLN rules fire about twenty times.
     */
    static final int MAX_FIRINGS = 10_000;

    private final Ruleset ruleset;
    private final boolean captureFirings;
    private int fired;
    private Map<Rule, Integer> lateFirings;
    private List<Rule> halted;
    private final List<Firing> firings;
    private final List<Concluded> conclusions = new ArrayList<>();

    EvaluationRecorder(Ruleset ruleset, boolean captureFirings) {
        this.ruleset = ruleset;
        this.captureFirings = captureFirings;
        this.firings = captureFirings ? new ArrayList<>() : List.of();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        if (++fired > MAX_FIRINGS / 2 && halted == null) {
            countLateFiring(event);
        }
        if (!captureFirings) {
            return;
        }
        Match match = event.getMatch();
        RuleDescription rule = ruleset.describe(match);
        List<String> declarations = rule.declarations();
        Object[] values = new Object[declarations.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = match.getDeclarationValue(declarations.get(i));
        }
        firings.add(new Firing(rule, values));
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Conclusion conclusion) {
            conclusions.add(new Concluded(conclusion, event.getRule()));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // Rules insert conclusions; nothing is updated.
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        // Rules insert conclusions; nothing is deleted.
    }

    /** Past half the limit, firings are counted by rule, so that the one that keeps firing can be named. */
    private void countLateFiring(AfterMatchFiredEvent event) {
        if (lateFirings == null) {
            lateFirings = new IdentityHashMap<>();
        }
        lateFirings.merge(event.getMatch().getRule(), 1, Integer::sum);
        if (fired > MAX_FIRINGS) {
            int most = Collections.max(lateFirings.values());
            // A rule that re-triggers itself drags the rules matching what it inserts along at the same pace.
            halted = lateFirings.entrySet().stream().filter(e -> e.getValue() * 10 >= most * 9).map(Map.Entry::getKey)
                    .toList();
            ((KieSession) event.getKieRuntime()).halt();
        }
    }

    /** The rules that fired most often before the firing limit halted the session, or null. */
    List<Rule> halted() {
        return halted;
    }

    List<Firing> firings() {
        return firings;
    }

    List<Concluded> conclusions() {
        return conclusions;
    }
}
