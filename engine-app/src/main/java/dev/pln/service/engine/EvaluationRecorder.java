package dev.pln.service.engine;

import dev.pln.model.Conclusion;
import java.util.ArrayList;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
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

    private final Ruleset ruleset;
    private final boolean captureFirings;
    private final List<Firing> firings;
    private final List<Concluded> conclusions = new ArrayList<>();

    EvaluationRecorder(Ruleset ruleset, boolean captureFirings) {
        this.ruleset = ruleset;
        this.captureFirings = captureFirings;
        this.firings = captureFirings ? new ArrayList<>() : List.of();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
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

    List<Firing> firings() {
        return firings;
    }

    List<Concluded> conclusions() {
        return conclusions;
    }
}
