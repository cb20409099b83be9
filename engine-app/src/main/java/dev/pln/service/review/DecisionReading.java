package dev.pln.service.review;

import dev.pln.model.Measure;
import dev.pln.service.decision.DecisionView;
import dev.pln.service.decision.PersonalData;
import dev.pln.service.engine.DecisionStatus;
import dev.pln.service.engine.FiredRule;
import dev.pln.service.system.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** One decision as the reviewer page reads it: every section precomputed in words, nothing to work out. */
record DecisionReading(DecisionView decision, String maskedName, String town, String levelText,
        String statusText, Integer effectiveLevel, String effectiveLevelText, List<Dimension> dimensions,
        FiredRule decidingRule, String decidingMatched, List<RuleLine> feedingRules, List<OtherLevel> otherLevels,
        List<MeasureLine> eligible, String counterfactualVersion, List<PathLine> paths) {

    /** A dimension of the method with the facts recorded under it. */
    record Dimension(String title, List<Row> rows) {
    }

    /** A fact in words. */
    record Row(String label, String value) {
    }

    /** A fired rule with its matched values in words. */
    record RuleLine(FiredRule rule, String matched) {
    }

    /** Why not this level: its rules, whether each held, and what would reach it. */
    record OtherLevel(int level, String levelText, List<LevelRuleState> rules, List<PathLine> paths) {
    }

    /** A level rule and what became of it in this decision. */
    record LevelRuleState(LevelRules.LevelRule rule, String outcome) {
    }

    /** An eligible measure and the rule that made it so. */
    record MeasureLine(Measure measure, String title, String ruleId, String reason, String policyRef) {
    }

    /** One smallest set of changes that reaches another level. */
    record PathLine(int toLevel, String levelText, List<Row> changes, String decidingRuleId) {
    }

    static DecisionReading of(DecisionView decision, Optional<Integer> effective, Counterfactuals.Report report,
            List<LevelRules.LevelRule> levelRules) {
        Map<String, Object> facts = decision.facts();
        List<FiredRule> fired = decision.explanation() == null ? List.of() : decision.explanation().firedRules();
        String decidingId = DecidingRule.of(decision);
        FiredRule deciding = fired.stream().filter(r -> r.ruleId() != null && r.ruleId().equals(decidingId))
                .findFirst().orElse(null);
        List<RuleLine> feeding = new ArrayList<>();
        for (FiredRule rule : fired) {
            String id = rule.ruleId() == null ? "" : rule.ruleId();
            boolean feeds = id.startsWith("BAR-") || id.startsWith("PRB-") || id.startsWith("MIS-")
                    || id.startsWith("NT-") || id.equals(DecidingRule.RESOLUTION)
                    || (id.matches("L[123]-\\d+") && !id.equals(decidingId));
            if (feeds) {
                feeding.add(new RuleLine(rule, matched(rule.matched())));
            }
        }
        List<PathLine> paths = new ArrayList<>();
        for (Counterfactuals.Path path : report.paths()) {
            List<Row> changes = new ArrayList<>();
            for (Counterfactuals.Change change : path.changes()) {
                changes.add(new Row(Labels.field(change.field()), Labels.value(change.field(), change.from())
                        + " → " + Labels.value(change.field(), change.to())));
            }
            paths.add(new PathLine(path.toLevel(), Labels.level(path.toLevel()), changes, path.decidingRuleId()));
        }
        List<OtherLevel> others = new ArrayList<>();
        for (int level = 1; level <= 3; level++) {
            if (decision.level() != null && decision.level() == level) {
                continue;
            }
            List<LevelRuleState> states = new ArrayList<>();
            for (LevelRules.LevelRule rule : levelRules) {
                if (rule.level() == level) {
                    boolean held = fired.stream().anyMatch(f -> rule.ruleId().equals(f.ruleId()));
                    states.add(new LevelRuleState(rule, held
                            ? "条件成立,但按 LVL-01“取最高等级”让位于 " + decidingId
                            : "条件未全部满足,未成立"));
                }
            }
            int target = level;
            others.add(new OtherLevel(level, Labels.level(level), states,
                    paths.stream().filter(p -> p.toLevel() == target).toList()));
        }
        List<MeasureLine> eligible = new ArrayList<>();
        for (Measure measure : decision.eligibleMeasures()) {
            FiredRule rule = fired.stream().filter(r -> ("EL-" + measure.name()).equals(r.ruleId())).findFirst()
                    .orElse(null);
            eligible.add(new MeasureLine(measure, measure.getTitle(), rule == null ? "" : rule.ruleId(),
                    rule == null ? "" : rule.reason(), rule == null ? "" : rule.policyRef()));
        }
        Object jurisdiction = facts.get("jurisdiction");
        Object town = jurisdiction instanceof Map<?, ?> where ? where.get("town") : null;
        Integer effectiveLevel = decision.status() == DecisionStatus.TIERED ? effective.orElse(decision.level())
                : null;
        return new DecisionReading(decision, Labels.masked(facts.get("name")),
                town == null ? "未记录" : town.toString(), Labels.level(decision.level()),
                Labels.status(decision.status()), effectiveLevel, Labels.level(effectiveLevel), dimensions(facts),
                deciding, deciding == null ? "" : matched(deciding.matched()), feeding, others, eligible,
                report.rulesetVersion(), paths);
    }

    static List<Dimension> dimensions(Map<String, Object> facts) {
        List<Dimension> dimensions = new ArrayList<>();
        for (Map.Entry<String, List<String>> dimension : Labels.DIMENSIONS) {
            List<Row> rows = new ArrayList<>();
            for (String pointer : dimension.getValue()) {
                if (PersonalData.WITHHELD.contains(pointer)
                        && Scope.current().map(Scope::maskPersonalData).orElse(false)) {
                    continue; // not this reader's to see: no row, rather than a misleading "未记录"
                }
                rows.add(new Row(Labels.field(pointer), Labels.value(pointer, at(facts, pointer))));
            }
            dimensions.add(new Dimension(dimension.getKey(), rows));
        }
        return dimensions;
    }

    static Object at(Map<String, Object> facts, String pointer) {
        Object current = facts;
        for (String part : pointer.substring(1).split("/")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static String matched(Map<String, Object> matched) {
        if (matched == null || matched.isEmpty()) {
            return "";
        }
        StringJoiner text = new StringJoiner(";");
        matched.forEach((key, value) -> text.add(key + " = " + value));
        return text.toString();
    }
}
