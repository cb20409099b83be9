package dev.pln.service.ruleset;

import dev.pln.model.ClientFacts;
import dev.pln.service.decision.ClientFactsRequest;
import dev.pln.service.engine.BuildProblem;
import dev.pln.service.engine.DecisionEngine;
import dev.pln.service.engine.Evaluation;
import dev.pln.service.engine.FiredRule;
import dev.pln.service.engine.FiringLimitExceededException;
import dev.pln.service.engine.PlanItem;
import dev.pln.service.engine.Ruleset;
import dev.pln.service.engine.RulesetBuildException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.runtime.rule.ConsequenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every fixture scenario packaged with the service ({@code fixtures/worked-cases} and
 * {@code fixtures/scenarios}, the same JSON the rule tests use) on a rule set and reports what differs from
 * the expected outcomes. A rule that throws or keeps firing on a scenario is a problem of the rule set itself.
 */
@Component
class ScenarioCheck {

    private static final Logger log = LoggerFactory.getLogger(ScenarioCheck.class);
    private static final List<String> SET_FIELDS = List.of("barriers", "problems", "missing", "eligibleMeasures",
            "plan", "firedRuleIds");

    /** One fixture made ready to run: the facts as the service would decide them, and what must come out. */
    record Scenario(String id, String description, ClientFacts facts, JsonNode expected) {
    }

    private final DecisionEngine engine;
    private final JsonMapper json;
    private volatile List<Scenario> scenarios;

    ScenarioCheck(DecisionEngine engine, JsonMapper json) {
        this.engine = engine;
        this.json = json;
    }

    /**
     * Runs all scenarios on the rule set.
     *
     * @throws RulesetBuildException when a rule throws or keeps firing on a scenario, naming the rule's file and line
     */
    ScenarioReport run(Ruleset ruleset) {
        int passed = 0;
        List<ScenarioReport.Failure> failures = new ArrayList<>();
        for (Scenario scenario : scenarios()) {
            Evaluation evaluation = evaluate(ruleset, scenario);
            Map<String, Object> expected = new LinkedHashMap<>();
            Map<String, Object> actual = new LinkedHashMap<>();
            compare(scenario.expected(), outcome(evaluation), expected, actual);
            if (expected.isEmpty()) {
                passed++;
            }
            else {
                failures.add(new ScenarioReport.Failure(scenario.id(), scenario.description(), expected, actual));
            }
        }
        return new ScenarioReport(passed, failures.size(), List.copyOf(failures));
    }

    List<Scenario> scenarios() {
        List<Scenario> loaded = scenarios;
        if (loaded == null) {
            loaded = load();
            scenarios = loaded;
        }
        return loaded;
    }

    private Evaluation evaluate(Ruleset ruleset, Scenario scenario) {
        try {
            return engine.evaluate(scenario.facts(), ruleset, true);
        }
        catch (FiringLimitExceededException ex) {
            throw new RulesetBuildException(List.of(locate(ruleset, ex.ruleNames().get(0),
                    "On scenario " + scenario.id() + " the rules kept firing and were stopped; one of "
                            + ex.ruleNames() + " re-triggers itself (e.g. it inserts a fact it matches).")));
        }
        catch (RuntimeException ex) {
            ConsequenceException failed = consequenceException(ex);
            String rule = failed == null ? null : failed.getRule().getName();
            Throwable cause = failed != null && failed.getCause() != null ? failed.getCause() : ex;
            throw new RulesetBuildException(List.of(locate(ruleset, rule, "On scenario " + scenario.id()
                    + (rule == null ? " the rules failed: " : " rule \"" + rule + "\" failed: ")
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()))));
        }
    }

    /** The outcome in the fixtures' vocabulary, so that it compares with their JSON directly. */
    private Map<String, Object> outcome(Evaluation evaluation) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("status", evaluation.status().name());
        outcome.put("level", evaluation.level());
        outcome.put("barriers", names(evaluation.barriers()));
        outcome.put("problems", names(evaluation.problems()));
        outcome.put("missing", new TreeSet<>(evaluation.missing()));
        outcome.put("eligibleMeasures", names(evaluation.eligibleMeasures()));
        outcome.put("plan", names(evaluation.plan().stream().map(PlanItem::measure).toList()));
        outcome.put("firedRuleIds",
                new TreeSet<>(evaluation.explanation().firedRules().stream().map(FiredRule::ruleId)
                        .filter(Objects::nonNull).toList()));
        outcome.put("decidingRuleId", evaluation.decidingRuleId());
        return outcome;
    }

    private void compare(JsonNode expected, Map<String, Object> outcome, Map<String, Object> wanted,
            Map<String, Object> got) {
        for (String field : List.of("status", "level", "decidingRuleId")) {
            if (expected.has(field)) {
                Object value = plain(expected.get(field));
                if (!Objects.equals(value, outcome.get(field))) {
                    wanted.put(field, value);
                    got.put(field, outcome.get(field));
                }
            }
        }
        for (String field : SET_FIELDS) {
            if (expected.has(field)) {
                TreeSet<String> value = new TreeSet<>();
                expected.get(field).forEach(item -> value.add(item.asString()));
                if (!value.equals(outcome.get(field))) {
                    wanted.put(field, List.copyOf(value));
                    got.put(field, List.copyOf((Collection<?>) outcome.get(field)));
                }
            }
        }
        if (expected.has("notFired")) {
            @SuppressWarnings("unchecked")
            Collection<String> fired = (Collection<String>) outcome.get("firedRuleIds");
            List<String> wrongly = new ArrayList<>();
            expected.get("notFired").forEach(id -> {
                if (fired.contains(id.asString())) {
                    wrongly.add(id.asString());
                }
            });
            if (!wrongly.isEmpty()) {
                List<String> notFired = new ArrayList<>();
                expected.get("notFired").forEach(id -> notFired.add(id.asString()));
                wanted.put("notFired", notFired);
                got.put("fired", wrongly);
            }
        }
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isNumber() ? (Object) node.asInt() : node.asString();
    }

    private static TreeSet<String> names(Collection<? extends Enum<?>> values) {
        TreeSet<String> names = new TreeSet<>();
        values.forEach(value -> names.add(value.name()));
        return names;
    }

    private static ConsequenceException consequenceException(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConsequenceException consequence) {
                return consequence;
            }
        }
        return null;
    }

    /** The file and line where a rule is declared, for a problem a policy officer can go to. */
    static BuildProblem locate(Ruleset ruleset, String ruleName, String message) {
        if (ruleName != null) {
            Pattern declaration = Pattern.compile("(?m)^\\s*rule\\s+(\"" + Pattern.quote(ruleName) + "\"|"
                    + Pattern.quote(ruleName) + "\\b)");
            for (Map.Entry<String, String> source : ruleset.sources().entrySet()) {
                Matcher found = declaration.matcher(source.getValue());
                if (found.find()) {
                    String before = source.getValue().substring(0, found.start(1));
                    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
                    return new BuildProblem(source.getKey(), line, found.start(1) - before.lastIndexOf('\n'),
                            message);
                }
            }
        }
        return new BuildProblem("", 0, 0, message);
    }

    private List<Scenario> load() {
        Map<String, JsonNode> workedCases = new LinkedHashMap<>();
        List<Scenario> loaded = new ArrayList<>();
        for (JsonNode worked : read("fixtures/worked-cases")) {
            workedCases.put(worked.get("id").asString(), worked.get("request"));
            add(loaded, worked.get("id").asString(), worked.path("title").asString(""), worked.get("request"),
                    worked.get("expected"));
        }
        for (JsonNode suite : read("fixtures/scenarios")) {
            for (JsonNode scenario : suite.path("scenarios")) {
                String id = scenario.get("id").asString();
                JsonNode base = workedCases.get(scenario.path("base").asString());
                if (base == null) {
                    log.warn("Scenario {} names an unknown base case and is skipped", id);
                    continue;
                }
                ObjectNode request = (ObjectNode) base.deepCopy();
                scenario.path("changes").properties().forEach(change -> apply(request, change.getKey(),
                        change.getValue()));
                add(loaded, id, scenario.path("description").asString(""), request, scenario.get("expected"));
            }
        }
        log.info("{} fixture scenarios loaded for rule set checks", loaded.size());
        return List.copyOf(loaded);
    }

    private void add(List<Scenario> into, String id, String description, JsonNode request, JsonNode expected) {
        try {
            ClientFacts facts = json.treeToValue(request, ClientFactsRequest.class).toFacts();
            into.add(new Scenario(id, description, facts, expected));
        }
        catch (RuntimeException ex) {
            log.warn("Fixture {} is not a valid request and is skipped: {}", id, ex.getMessage());
        }
    }

    /** Applies one fixture change: the value at the JSON Pointer replaced, or removed when it is null. */
    private static void apply(ObjectNode request, String pointer, JsonNode value) {
        String[] segments = pointer.substring(1).split("/");
        ObjectNode parent = request;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = parent.get(segments[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(segments[i]);
        }
        String last = segments[segments.length - 1];
        if (value == null || value.isNull()) {
            parent.remove(last);
        }
        else {
            parent.set(last, value);
        }
    }

    private List<JsonNode> read(String folder) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(ScenarioCheck.class.getClassLoader())
                    .getResources("classpath:" + folder + "/*.json");
            List<Resource> sorted = new ArrayList<>(List.of(resources));
            sorted.sort((a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
            List<JsonNode> nodes = new ArrayList<>();
            for (Resource resource : sorted) {
                try (InputStream in = resource.getInputStream()) {
                    nodes.add(json.readTree(in));
                }
            }
            return nodes;
        }
        catch (java.io.FileNotFoundException noSuchFolder) {
            return List.of();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
