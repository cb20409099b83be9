package dev.pln.service.review;

import dev.pln.service.decision.ClientFactsRequest;
import dev.pln.service.decision.DecisionView;
import dev.pln.service.engine.DecisionEngine;
import dev.pln.service.engine.DecisionStatus;
import dev.pln.service.engine.Evaluation;
import dev.pln.service.engine.FiredRule;
import dev.pln.service.engine.Ruleset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What would change the level: re-evaluates a decision's stored facts with actionable changes only (goal,
 * misconceptions, resume, interviewing, skills, care) and reports, for every other level, the smallest sets
 * of changes that reach it. Sex, age and other facts a person cannot act on are never changed.
 */
@Component
class Counterfactuals {

    /** Larger sets stop being advice a caseworker can act on. */
    static final int MAX_CHANGES = 3;

    /** The skill a completed training adds to the facts (only whether skills are recorded matters to rules). */
    static final String TRAINED_SKILL = "培训结业取得的职业技能";

    private final DecisionEngine engine;
    private final JsonMapper json;

    Counterfactuals(DecisionEngine engine, JsonMapper json) {
        this.engine = engine;
        this.json = json;
    }

    /** One change to a fact, by JSON Pointer into the facts. */
    record Change(String field, Object from, Object to) {
    }

    /** A smallest set of changes that reaches {@code toLevel}, and the rule that would then decide. */
    record Path(int toLevel, List<Change> changes, String decidingRuleId) {
    }

    /** The counterfactuals of one decision, computed on the named rule set version. */
    record Report(String decisionId, Integer level, DecisionStatus status, String rulesetVersion,
            List<Path> paths) {
    }

    Report of(DecisionView decision) {
        Ruleset ruleset = engine.activeRuleset();
        JsonNode facts = json.valueToTree(decision.facts());
        List<Change> candidates = candidates(facts);
        Map<Integer, List<Path>> reached = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        for (int size = 1; size <= Math.min(MAX_CHANGES, candidates.size()); size++) {
            Map<Integer, List<List<Change>>> found = new TreeMap<>();
            for (List<Change> set : subsets(candidates, size)) {
                Evaluation outcome = engine.evaluate(toFacts(apply(facts, set)), ruleset, false);
                if (outcome.status() == DecisionStatus.TIERED && !outcome.level().equals(decision.level())
                        && !reached.containsKey(outcome.level())) {
                    found.computeIfAbsent(outcome.level(), level -> new ArrayList<>()).add(set);
                }
            }
            found.forEach((level, sets) -> {
                List<Path> atLevel = new ArrayList<>();
                for (List<Change> set : sets) {
                    atLevel.add(new Path(level, set, decidingRule(apply(facts, set), ruleset)));
                }
                reached.put(level, atLevel);
                paths.addAll(atLevel);
            });
        }
        paths.sort((a, b) -> a.toLevel() != b.toLevel() ? Integer.compare(a.toLevel(), b.toLevel())
                : Integer.compare(a.changes().size(), b.changes().size()));
        return new Report(decision.decisionId(), decision.level(), decision.status(),
                ruleset.identity().version(), List.copyOf(paths));
    }

    /** The single-field changes a client and caseworker can bring about, where the fact is not already so. */
    private List<Change> candidates(JsonNode facts) {
        List<Change> changes = new ArrayList<>();
        JsonNode goal = facts.path("goal");
        if (goal.isObject()) {
            changeTo(changes, facts, "/goal/clarity", "CLEAR");
            changeTo(changes, facts, "/goal/matchesConditions", true);
        }
        JsonNode misconceptions = facts.at("/attitudes/misconceptions");
        if (misconceptions.isArray() && !misconceptions.isEmpty()) {
            changes.add(new Change("/attitudes/misconceptions", plain(misconceptions), List.of()));
        }
        if (facts.path("jobSearch").isObject()) {
            changeTo(changes, facts, "/jobSearch/hasResume", true);
            changeTo(changes, facts, "/jobSearch/resumeQuality", "GOOD");
            changeTo(changes, facts, "/jobSearch/interviewSkill", "GOOD");
        }
        if (facts.path("conditions").isObject()) {
            JsonNode skills = facts.at("/conditions/skills");
            List<Object> more = new ArrayList<>();
            if (skills.isArray()) {
                skills.forEach(skill -> more.add(skill.asString()));
            }
            more.add(TRAINED_SKILL);
            changes.add(new Change("/conditions/skills", skills.isMissingNode() ? null : plain(skills), more));
        }
        String caregiving = facts.at("/family/caregiving").asString("NONE");
        if (!"NONE".equals(caregiving)) {
            changes.add(new Change("/family/caregiving", caregiving, "NONE"));
        }
        return changes;
    }

    private void changeTo(List<Change> changes, JsonNode facts, String field, Object to) {
        JsonNode current = facts.at(field);
        Object from = current.isMissingNode() || current.isNull() ? null : plain(current);
        if (!to.equals(from)) {
            changes.add(new Change(field, from, to));
        }
    }

    private Object plain(JsonNode node) {
        return json.treeToValue(node, Object.class);
    }

    private JsonNode apply(JsonNode facts, List<Change> changes) {
        ObjectNode changed = (ObjectNode) facts.deepCopy();
        for (Change change : changes) {
            int slash = change.field().lastIndexOf('/');
            ObjectNode parent = (ObjectNode) changed.at(change.field().substring(0, slash));
            parent.set(change.field().substring(slash + 1), json.valueToTree(change.to()));
        }
        return changed;
    }

    private dev.pln.model.ClientFacts toFacts(JsonNode facts) {
        return json.treeToValue(facts, ClientFactsRequest.class).toFacts();
    }

    private String decidingRule(JsonNode facts, Ruleset ruleset) {
        Evaluation explained = engine.evaluate(toFacts(facts), ruleset, true);
        for (FiredRule rule : explained.explanation().firedRules()) {
            if (DecidingRule.RESOLUTION.equals(rule.ruleId())) {
                return String.valueOf(rule.matched().get("decidingRuleId"));
            }
        }
        return null;
    }

    private static List<List<Change>> subsets(List<Change> items, int size) {
        List<List<Change>> result = new ArrayList<>();
        collect(items, size, 0, new ArrayList<>(), result);
        return result;
    }

    private static void collect(List<Change> items, int size, int start, List<Change> current,
            List<List<Change>> result) {
        if (current.size() == size) {
            result.add(List.copyOf(current));
            return;
        }
        for (int i = start; i < items.size(); i++) {
            current.add(items.get(i));
            collect(items, size, i + 1, current, result);
            current.remove(current.size() - 1);
        }
    }
}
