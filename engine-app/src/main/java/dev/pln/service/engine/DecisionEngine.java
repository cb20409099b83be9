package dev.pln.service.engine;

import dev.pln.model.Barrier;
import dev.pln.model.BarrierType;
import dev.pln.model.ClientFacts;
import dev.pln.model.EligibleMeasure;
import dev.pln.model.FollowUpOutcome;
import dev.pln.model.LevelCandidate;
import dev.pln.model.LevelDecision;
import dev.pln.model.Measure;
import dev.pln.model.MissingInformation;
import dev.pln.model.NextMeasure;
import dev.pln.model.NotTiered;
import dev.pln.model.PlannedMeasure;
import dev.pln.model.Problem;
import dev.pln.model.ProblemType;
import dev.pln.model.PublicWelfarePlacement;
import dev.pln.model.ServiceHistory;
import dev.pln.service.engine.EvaluationRecorder.Concluded;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.kie.api.definition.rule.Rule;

/**
 * Decides one client: runs the active rule set on the facts in a fresh stateless session and reads the
 * conclusions back. Thread-safe; the active rule set can be swapped atomically while decisions run.
 */
public final class DecisionEngine {

    private final AtomicReference<Ruleset> active;
    private final List<Consumer<RulesetIdentity>> activations = new CopyOnWriteArrayList<>();
    private volatile LongConsumer evaluationNanos = nanos -> { };

    public DecisionEngine(Ruleset initial) {
        this.active = new AtomicReference<>(initial);
    }

    /** Tells {@code listener} the identity of the active rule set now and after every activation. */
    public void onActivation(Consumer<RulesetIdentity> listener) {
        activations.add(listener);
        listener.accept(active.get().identity());
    }

    /** Tells {@code observer} how long each decision on the active rule set took the engine, in nanoseconds. */
    public void observeEvaluations(LongConsumer observer) {
        this.evaluationNanos = observer;
    }

    /** The rule set new decisions run on. */
    public Ruleset activeRuleset() {
        return active.get();
    }

    /** Makes {@code next} the rule set for new decisions and returns the one it replaced. */
    public Ruleset activate(Ruleset next) {
        Ruleset previous = active.getAndSet(next);
        activations.forEach(listener -> listener.accept(next.identity()));
        return previous;
    }

    /**
     * Decides on the active rule set, with the full explanation. A decision that starts while the rule set is
     * being swapped runs entirely on the new one; one already running finishes on the old one.
     */
    public Evaluation evaluate(ClientFacts facts) {
        while (true) {
            Ruleset ruleset = active.get();
            if (ruleset.enter()) {
                long started = System.nanoTime();
                try {
                    return run(facts, ruleset, true);
                }
                finally {
                    ruleset.exit();
                    evaluationNanos.accept(System.nanoTime() - started);
                }
            }
            if (ruleset == active.get()) {
                throw new IllegalStateException("The active rule set " + ruleset.identity().version()
                        + " was disposed without being replaced");
            }
        }
    }

    /**
     * Decides on the given rule set. With {@code explain} false no firing is recorded and the evaluation
     * carries no explanation (for measuring what capture costs); the result itself is the same.
     *
     * @throws IllegalStateException when the rule set has been disposed
     * @throws FiringLimitExceededException when the rules keep firing for this one client
     */
    public Evaluation evaluate(ClientFacts facts, Ruleset ruleset, boolean explain) {
        if (!ruleset.enter()) {
            throw new IllegalStateException("The rule set " + ruleset.identity().version() + " has been disposed");
        }
        try {
            return run(facts, ruleset, explain);
        }
        finally {
            ruleset.exit();
        }
    }

    private static Evaluation run(ClientFacts facts, Ruleset ruleset, boolean explain) {
        EvaluationRecorder recorder = new EvaluationRecorder(ruleset, explain);
        ruleset.withSession(session -> {
            session.addEventListener((org.kie.api.event.rule.AgendaEventListener) recorder);
            session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
            session.execute(facts.asFacts());
            return null;
        });
        if (recorder.halted() != null) {
            throw new FiringLimitExceededException(ruleset.identity().version(), recorder.halted(),
                    EvaluationRecorder.MAX_FIRINGS);
        }
        return assemble(recorder, ruleset.identity(), explain);
    }

    /**
     * The measures a client at this level may receive on the active rule set, each with the eligibility rule
     * that grants it: the eligibility rules run on the level alone, so services are checked against the same
     * rules as decisions.
     */
    public Map<Measure, RuleReference> eligibleMeasures(int level) {
        Map<Measure, RuleReference> eligible = new EnumMap<>(Measure.class);
        for (Concluded concluded : conclude(List.of(new LevelDecision(level, "SERVICE")))) {
            if (concluded.conclusion() instanceof EligibleMeasure measure) {
                eligible.putIfAbsent(measure.getMeasure(), reference(concluded.rule()));
            }
        }
        return eligible;
    }

    /**
     * What the active rule set calls for after a follow-up of a client at this level: the next measures (only
     * eligible ones, the follow-up rules require it) and any fallback placement.
     */
    public FollowUpAdvice adviseAfterFollowUp(int level, FollowUpOutcome outcome, ServiceHistory history) {
        Map<Measure, Rule> next = new EnumMap<>(Measure.class);
        List<RuleReference> placement = new ArrayList<>();
        for (Concluded concluded : conclude(List.of(new LevelDecision(level, "SERVICE"), outcome, history))) {
            if (concluded.conclusion() instanceof NextMeasure measure) {
                next.putIfAbsent(measure.getMeasure(), concluded.rule());
            }
            else if (concluded.conclusion() instanceof PublicWelfarePlacement) {
                placement.add(reference(concluded.rule()));
            }
        }
        List<PlanItem> plan = new ArrayList<>();
        next.forEach((measure, rule) -> plan.add(new PlanItem(measure, measure.getTitle(),
                Explainer.metadata(rule, Explainer.REASON), Explainer.metadata(rule, Explainer.RULE_ID))));
        return new FollowUpAdvice(List.copyOf(plan), List.copyOf(placement));
    }

    /** Runs the active rule set over the given facts (not a client's) and returns what its rules concluded. */
    private List<Concluded> conclude(List<Object> facts) {
        while (true) {
            Ruleset ruleset = active.get();
            if (ruleset.enter()) {
                try {
                    EvaluationRecorder recorder = new EvaluationRecorder(ruleset, false);
                    ruleset.withSession(session -> {
                        session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) recorder);
                        session.execute(facts);
                        return null;
                    });
                    return recorder.conclusions();
                }
                finally {
                    ruleset.exit();
                }
            }
            if (ruleset == active.get()) {
                throw new IllegalStateException("The active rule set " + ruleset.identity().version()
                        + " was disposed without being replaced");
            }
        }
    }

    private static RuleReference reference(Rule rule) {
        return new RuleReference(Explainer.metadata(rule, Explainer.RULE_ID), Explainer.metadata(rule, Explainer.REASON),
                Explainer.metadata(rule, Explainer.POLICY_REF));
    }

    private static Evaluation assemble(EvaluationRecorder recorder, RulesetIdentity identity, boolean explain) {
        Set<ProblemType> problems = EnumSet.noneOf(ProblemType.class);
        Set<BarrierType> barriers = EnumSet.noneOf(BarrierType.class);
        Set<String> missing = new LinkedHashSet<>();
        Set<Measure> eligible = EnumSet.noneOf(Measure.class);
        Map<Measure, Rule> planned = new EnumMap<>(Measure.class);
        List<Concluded> candidates = new ArrayList<>();
        Concluded notTiered = null;
        LevelDecision levelDecision = null;
        for (Concluded concluded : recorder.conclusions()) {
            Object conclusion = concluded.conclusion();
            if (conclusion instanceof Problem problem) {
                problems.add(problem.getType());
            }
            else if (conclusion instanceof Barrier barrier) {
                barriers.add(barrier.getType());
            }
            else if (conclusion instanceof MissingInformation info) {
                missing.add(info.getPointer());
            }
            else if (conclusion instanceof EligibleMeasure measure) {
                eligible.add(measure.getMeasure());
            }
            else if (conclusion instanceof PlannedMeasure measure) {
                planned.putIfAbsent(measure.getMeasure(), concluded.rule());
            }
            else if (conclusion instanceof LevelCandidate) {
                candidates.add(concluded);
            }
            else if (conclusion instanceof NotTiered && notTiered == null) {
                notTiered = concluded;
            }
            else if (conclusion instanceof LevelDecision decision && levelDecision == null) {
                levelDecision = decision;
            }
        }
        DecisionStatus status;
        Integer level = null;
        if (notTiered != null) {
            status = DecisionStatus.NOT_TIERED;
        }
        else if (!missing.isEmpty() || levelDecision == null) {
            status = DecisionStatus.INCOMPLETE;
        }
        else {
            status = DecisionStatus.TIERED;
            level = levelDecision.getLevel();
        }
        boolean tiered = status == DecisionStatus.TIERED;
        List<PlanItem> plan = new ArrayList<>();
        if (tiered) {
            planned.forEach((measure, rule) -> plan.add(new PlanItem(measure, measure.getTitle(),
                    Explainer.metadata(rule, Explainer.REASON), Explainer.metadata(rule, Explainer.RULE_ID))));
        }
        Evaluation draft = new Evaluation(status, level, List.copyOf(problems), List.copyOf(barriers),
                status == DecisionStatus.INCOMPLETE ? List.copyOf(missing) : List.of(),
                tiered ? List.copyOf(eligible) : List.of(), List.copyOf(plan), null, identity,
                tiered ? levelDecision.getDecidingRuleId() : null);
        if (!explain) {
            return draft;
        }
        Explanation explanation = Explainer.explain(draft, recorder, levelDecision, candidates, notTiered);
        return new Evaluation(draft.status(), draft.level(), draft.problems(), draft.barriers(), draft.missing(),
                draft.eligibleMeasures(), draft.plan(), explanation, identity, draft.decidingRuleId());
    }
}
