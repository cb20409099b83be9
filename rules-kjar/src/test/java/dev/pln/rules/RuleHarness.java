package dev.pln.rules;

import dev.pln.model.Barrier;
import dev.pln.model.ClientFacts;
import dev.pln.model.EligibleMeasure;
import dev.pln.model.LevelDecision;
import dev.pln.model.MissingInformation;
import dev.pln.model.NotTiered;
import dev.pln.model.PlannedMeasure;
import dev.pln.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.StatelessKieSession;
import tools.jackson.databind.JsonNode;

/**
 * Runs the KJAR's own rules (this module's build output) on one set of facts and reports the outcome
 * the way the service would: status, level, codes, and which rule ids fired.
 */
final class RuleHarness {

    static final KieBase KIE_BASE = KieServices.get().newKieClasspathContainer().getKieBase("plnKB");

    private RuleHarness() {
    }

    static Outcome run(JsonNode request) {
        return run(FactsReader.read(request));
    }

    static Outcome run(ClientFacts facts) {
        return run(facts, List.of());
    }

    /** Runs the rules on the facts plus extra facts, for rules no real input can reach on its own. */
    static Outcome run(ClientFacts facts, List<Object> extraFacts) {
        List<Object> inserted = new ArrayList<>(facts.asFacts());
        inserted.addAll(extraFacts);
        List<String> fired = new ArrayList<>();
        Collected collected = new Collected();
        StatelessKieSession session = KIE_BASE.newStatelessKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add((String) event.getMatch().getRule().getMetaData().get("ruleId"));
            }
        });
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                collected.add(event.getObject());
            }
        });
        session.execute(inserted);
        String status = collected.notTiered ? "NOT_TIERED"
                : !collected.missing.isEmpty() || collected.level == null ? "INCOMPLETE" : "TIERED";
        boolean tiered = status.equals("TIERED");
        return new Outcome(status, tiered ? collected.level : null, collected.barriers, collected.problems,
                status.equals("INCOMPLETE") ? List.copyOf(collected.missing) : List.of(),
                tiered ? collected.eligible : Set.of(), tiered ? collected.plan : Set.of(), List.copyOf(fired),
                tiered ? collected.decidingRuleId : null);
    }

    /** What one run on bare facts fired and inserted, for the areas that do not start from client facts. */
    record Run(List<String> firedRuleIds, List<Object> inserted) {

        <T> List<T> inserted(Class<T> type) {
            return inserted.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** The fired rule ids of one policy area, by id prefix, in firing order. */
        List<String> firedStartingWith(String prefix) {
            return firedRuleIds.stream().filter(id -> id.startsWith(prefix)).toList();
        }
    }

    /** Runs the rules on exactly these facts (e.g. a LevelDecision and a FollowUpOutcome). */
    static Run runFacts(Object... facts) {
        List<String> fired = new ArrayList<>();
        List<Object> inserted = new ArrayList<>();
        StatelessKieSession session = KIE_BASE.newStatelessKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add((String) event.getMatch().getRule().getMetaData().get("ruleId"));
            }
        });
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null) {
                    inserted.add(event.getObject());
                }
            }
        });
        session.execute(List.of(facts));
        return new Run(List.copyOf(fired), List.copyOf(inserted));
    }

    private static final class Collected {
        final Set<String> barriers = new TreeSet<>();
        final Set<String> problems = new TreeSet<>();
        final Set<String> missing = new LinkedHashSet<>();
        final Set<String> eligible = new TreeSet<>();
        final Set<String> plan = new TreeSet<>();
        boolean notTiered;
        Integer level;
        String decidingRuleId;

        void add(Object o) {
            if (o instanceof Barrier b) {
                barriers.add(b.getType().name());
            }
            else if (o instanceof Problem p) {
                problems.add(p.getType().name());
            }
            else if (o instanceof MissingInformation m) {
                missing.add(m.getPointer());
            }
            else if (o instanceof EligibleMeasure e) {
                eligible.add(e.getMeasure().name());
            }
            else if (o instanceof PlannedMeasure p) {
                plan.add(p.getMeasure().name());
            }
            else if (o instanceof NotTiered) {
                notTiered = true;
            }
            else if (o instanceof LevelDecision d) {
                level = d.getLevel();
                decidingRuleId = d.getDecidingRuleId();
            }
        }
    }
}
