package dev.pln.service.ruleset;

import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import dev.pln.model.ClientFacts;
import dev.pln.service.decision.ClientFactsRequest;
import dev.pln.service.engine.DecisionEngine;
import dev.pln.service.engine.Evaluation;
import dev.pln.service.engine.PlanItem;
import dev.pln.service.engine.Ruleset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Previews a version on the stored population: streams the clients by cursor in batches (memory stays bounded
 * by the batch, not the population), decides each client's latest facts on the version without explanation
 * capture, and compares with the client's current decision. It reads the {@code clients} and {@code decisions}
 * collections directly, read-only, through the few fields it needs.
 */
@Component
class ImpactPreview {

    static final String CLIENTS = "clients";
    static final String DECISIONS = "decisions";
    static final List<String> AGE_BANDS = List.of("16-24", "25-34", "35-44", "45-54", "55+");
    private static final int BATCH = 500;
    private static final String UNKNOWN = "UNKNOWN";

    private final DecisionEngine engine;
    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Rulesets rulesets;
    private final AuditLog audit;
    private final RulesetSettings settings;
    private final Clock clock;

    ImpactPreview(DecisionEngine engine, MongoTemplate mongo, JsonMapper json, Rulesets rulesets, AuditLog audit,
            RulesetSettings settings, Optional<Clock> clock) {
        this.engine = engine;
        this.mongo = mongo;
        this.json = json;
        this.rulesets = rulesets;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Whether the population is too large to preview within one request (then it runs as a job). */
    boolean needsJob(ImpactReport.Population population) {
        int threshold = settings.impactJobThreshold();
        return mongo.getCollection(CLIENTS).countDocuments(population.clients(),
                new CountOptions().limit(threshold + 1)) > threshold;
    }

    /** Previews the version on every stored client of the population, reporting progress (0..1); audited. */
    ImpactReport run(RulesetDocument version, ImpactReport.Population population, String actor,
            DoubleConsumer progress) {
        if (version.status() == RulesetStatus.REJECTED) {
            throw new RulesetConflictException("Version " + version.version() + " was rejected at upload; there is "
                    + "nothing to preview.");
        }
        Instant started = clock.instant();
        Ruleset candidate = rulesets.compile(version);
        ImpactReport report;
        try {
            report = evaluate(version, population, candidate, progress, started);
        }
        finally {
            candidate.dispose();
        }
        audit.record(actor, AuditAction.IMPACT_PREVIEWED, version.version(), version.checksum(), null,
                Rulesets.details("evaluated", report.evaluated(), "changed", report.changed(), "skipped",
                        report.skipped(), "seconds", report.seconds(), "town", population.town(), "village",
                        population.village()));
        return report;
    }

    private ImpactReport evaluate(RulesetDocument version, ImpactReport.Population population, Ruleset candidate,
            DoubleConsumer progress, Instant started) {
        long total = Math.max(1, population.town() == null ? mongo.getCollection(CLIENTS).estimatedDocumentCount()
                : mongo.getCollection(CLIENTS).countDocuments(population.clients()));
        Tally all = new Tally();
        Map<String, Map<String, Tally>> groups = new LinkedHashMap<>();
        groups.put("sex", new TreeMap<>());
        groups.put("ageBand", new LinkedHashMap<>());
        AGE_BANDS.forEach(band -> groups.get("ageBand").put(band, new Tally()));
        groups.put("town", new TreeMap<>());
        Measures measures = new Measures();
        List<ImpactReport.Example> examples = new ArrayList<>();
        long skipped = 0;
        long seen = 0;
        try (MongoCursor<Document> cursor = mongo.getCollection(CLIENTS).find(population.clients())
                .projection(Projections.include("facts", "currentDecisionId", "status", "level"))
                .sort(Sorts.ascending("_id")).batchSize(BATCH).iterator()) {
            List<Document> batch = new ArrayList<>(BATCH);
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == BATCH || !cursor.hasNext()) {
                    Map<String, Document> current = currentDecisions(batch);
                    for (Document client : batch) {
                        ClientFacts facts = facts(client);
                        if (facts == null) {
                            skipped++;
                            continue;
                        }
                        Evaluation after = engine.evaluate(facts, candidate, false);
                        String from = outcome(client.getString("status"), client.get("level", Number.class));
                        String to = outcome(after.status().name(), after.level());
                        all.add(from, to);
                        groups.get("sex").computeIfAbsent(text(facts.getPerson().getSex()), k -> new Tally())
                                .add(from, to);
                        groups.get("ageBand").computeIfAbsent(ageBand(facts.getPerson().getAge()), k -> new Tally())
                                .add(from, to);
                        groups.get("town").computeIfAbsent(text(facts.getPerson().getTown()), k -> new Tally())
                                .add(from, to);
                        Document decision = current.get(client.getString("currentDecisionId"));
                        List<String> planBefore = measures(decision, "plan");
                        List<String> planAfter = after.plan().stream().map(PlanItem::measure).map(Enum::name)
                                .sorted().toList();
                        measures.add(planBefore, planAfter, measures(decision, "eligibleMeasures"),
                                after.eligibleMeasures().stream().map(Enum::name).sorted().toList());
                        if (!from.equals(to) && examples.size() < settings.impactExamples()) {
                            examples.add(new ImpactReport.Example(client.getString("_id"),
                                    client.getString("currentDecisionId"), from, to, planBefore, planAfter));
                        }
                    }
                    seen += batch.size();
                    progress.accept(Math.min(0.99, (double) seen / total));
                    batch.clear();
                }
            }
        }
        Map<String, Map<String, ImpactReport.GroupImpact>> byGroup = new LinkedHashMap<>();
        groups.forEach((group, tallies) -> {
            Map<String, ImpactReport.GroupImpact> views = new LinkedHashMap<>();
            tallies.forEach((key, tally) -> views.put(key, tally.view()));
            byGroup.put(group, views);
        });
        Instant finished = clock.instant();
        double seconds = Duration.between(started, finished).toMillis() / 1000.0;
        return new ImpactReport(version.version(), version.checksum(), population, all.evaluated, all.changed, skipped,
                all.transitions(), measures.view(), byGroup, List.copyOf(examples),
                started.truncatedTo(ChronoUnit.MILLIS), finished.truncatedTo(ChronoUnit.MILLIS), seconds);
    }

    private ClientFacts facts(Document client) {
        Object facts = client.get("facts");
        if (facts == null) {
            return null;
        }
        try {
            return json.convertValue(facts, ClientFactsRequest.class).toFacts();
        }
        catch (RuntimeException unreadable) {
            // Facts stored under an older contract that no longer map: counted as skipped.
            return null;
        }
    }

    private Map<String, Document> currentDecisions(List<Document> clients) {
        List<String> ids = clients.stream().map(client -> client.getString("currentDecisionId"))
                .filter(id -> id != null).toList();
        Map<String, Document> decisions = new HashMap<>();
        mongo.getCollection(DECISIONS).find(Filters.in("_id", ids))
                .projection(Projections.include("plan.measure", "eligibleMeasures"))
                .forEach(decision -> decisions.put(decision.getString("_id"), decision));
        return decisions;
    }

    private static List<String> measures(Document decision, String field) {
        if (decision == null || decision.get(field) == null) {
            return List.of();
        }
        TreeSet<String> codes = new TreeSet<>();
        for (Object item : decision.getList(field, Object.class)) {
            codes.add(item instanceof Document planned ? planned.getString("measure") : String.valueOf(item));
        }
        return List.copyOf(codes);
    }

    static String outcome(String status, Number level) {
        if (status == null) {
            return UNKNOWN;
        }
        return "TIERED".equals(status) && level != null ? "LEVEL_" + level.intValue() : status;
    }

    static String ageBand(Integer age) {
        if (age == null) {
            return UNKNOWN;
        }
        if (age < 25) {
            return "16-24";
        }
        if (age < 35) {
            return "25-34";
        }
        if (age < 45) {
            return "35-44";
        }
        return age < 55 ? "45-54" : "55+";
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? UNKNOWN : value.toString();
    }

    /** Counts of clients and of their moves, for the whole population or one group. */
    private static final class Tally {

        private long evaluated;
        private long changed;
        /** from → to → count, in outcome order. */
        private final Map<String, Map<String, Long>> moves = new TreeMap<>();

        void add(String from, String to) {
            evaluated++;
            if (!from.equals(to)) {
                changed++;
                moves.computeIfAbsent(from, k -> new TreeMap<>()).merge(to, 1L, Long::sum);
            }
        }

        List<ImpactReport.Transition> transitions() {
            List<ImpactReport.Transition> transitions = new ArrayList<>();
            moves.forEach((from, targets) -> targets.forEach((to, count) -> transitions
                    .add(new ImpactReport.Transition(from, to, count))));
            return transitions;
        }

        ImpactReport.GroupImpact view() {
            return new ImpactReport.GroupImpact(evaluated, changed, transitions());
        }
    }

    /** Counts of measure changes across the population. */
    private static final class Measures {

        private long clients;
        private final Map<String, Long> planAdded = new TreeMap<>();
        private final Map<String, Long> planRemoved = new TreeMap<>();
        private final Map<String, Long> eligibleAdded = new TreeMap<>();
        private final Map<String, Long> eligibleRemoved = new TreeMap<>();

        void add(List<String> planBefore, List<String> planAfter, List<String> eligibleBefore,
                List<String> eligibleAfter) {
            if (!planBefore.equals(planAfter) || !eligibleBefore.equals(eligibleAfter)) {
                clients++;
            }
            difference(planAfter, planBefore).forEach(m -> planAdded.merge(m, 1L, Long::sum));
            difference(planBefore, planAfter).forEach(m -> planRemoved.merge(m, 1L, Long::sum));
            difference(eligibleAfter, eligibleBefore).forEach(m -> eligibleAdded.merge(m, 1L, Long::sum));
            difference(eligibleBefore, eligibleAfter).forEach(m -> eligibleRemoved.merge(m, 1L, Long::sum));
        }

        ImpactReport.MeasureChanges view() {
            return new ImpactReport.MeasureChanges(clients, planAdded, planRemoved, eligibleAdded, eligibleRemoved);
        }

        private static List<String> difference(List<String> a, List<String> b) {
            return a.stream().filter(item -> !b.contains(item)).toList();
        }
    }
}
