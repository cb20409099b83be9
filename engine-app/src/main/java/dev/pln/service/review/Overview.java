package dev.pln.service.review;

import dev.pln.service.decision.DecisionCriteria;
import dev.pln.service.decision.Decisions;
import dev.pln.service.engine.DecisionStatus;
import dev.pln.service.system.Scope;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The numbers on the overview page: levels of the tiered decisions by town, sex and age band, the share of
 * decisions overridden by deciding rule and by the caseworker who assessed, and the flagged decisions.
 */
@Component
class Overview {

    static final int BAR_WIDTH = 320;

    private final Decisions decisions;
    private final Overrides overrides;
    private final Flags flags;

    Overview(Decisions decisions, Overrides overrides, Flags flags) {
        this.decisions = decisions;
        this.overrides = overrides;
        this.flags = flags;
    }

    /** A group's levels as a stacked bar: one segment per level, widths in SVG user units. */
    record LevelBar(String group, int[] counts, int total, List<Segment> segments) {
    }

    /** One segment of a stacked bar. */
    record Segment(int level, int x, int width, int count) {
    }

    /** A group's override rate as a bar. */
    record RateBar(String group, int overridden, int decided, int percent, int width) {
    }

    /** A flagged decision. */
    record Flagged(String decisionId, String comment, String by, String at) {
    }

    record Report(int decisions, List<LevelBar> byTown, List<LevelBar> bySex, List<LevelBar> byAge,
            List<RateBar> byRule, List<RateBar> byCaseworker, List<Flagged> flagged) {
    }

    Report report() {
        Map<String, int[]> towns = new TreeMap<>();
        Map<String, int[]> sexes = new TreeMap<>();
        Map<String, int[]> ages = new TreeMap<>();
        Map<String, int[]> rules = new TreeMap<>();
        Map<String, int[]> caseworkers = new TreeMap<>();
        Set<String> overridden = new HashSet<>();
        overrides.all().forEach(o -> overridden.add(o.decisionId()));
        int[] count = { 0 };
        decisions.forEach(new DecisionCriteria(null, DecisionStatus.TIERED, null, null, null, null), decision -> {
            count[0]++;
            int level = decision.level();
            Object town = DecisionReading.at(decision.facts(), "/jurisdiction/town");
            towns.computeIfAbsent(town == null ? "未记录" : town.toString(), k -> new int[4])[level]++;
            Object sex = decision.facts().get("sex");
            sexes.computeIfAbsent(Labels.value("/sex", sex), k -> new int[4])[level]++;
            ages.computeIfAbsent(ageBand(decision.facts().get("age")), k -> new int[4])[level]++;
            boolean changed = overridden.contains(decision.decisionId());
            String rule = DecidingRule.of(decision);
            int[] byRule = rules.computeIfAbsent(rule == null ? "未知" : rule, k -> new int[2]);
            byRule[0]++;
            Object assessedBy = decision.facts().get("assessedBy");
            int[] byCaseworker = caseworkers.computeIfAbsent(assessedBy == null ? "未记录" : assessedBy.toString(),
                    k -> new int[2]);
            byCaseworker[0]++;
            if (changed) {
                byRule[1]++;
                byCaseworker[1]++;
            }
        });
        List<Flagged> flagged = new ArrayList<>();
        // Flags on decisions outside the caller's scope are not its to see.
        boolean scoped = Scope.current().isPresent();
        flags.all().stream().filter(f -> !scoped || decisions.find(f.decisionId()).isPresent())
                .forEach(f -> flagged.add(new Flagged(f.decisionId(), f.comment(), f.by(), f.at().toString())));
        return new Report(count[0], levelBars(towns), levelBars(sexes), levelBars(ages), rateBars(rules),
                rateBars(caseworkers), flagged);
    }

    static String ageBand(Object age) {
        if (!(age instanceof Number number)) {
            return "未记录";
        }
        int years = number.intValue();
        if (years < 25) {
            return "16–24岁";
        }
        if (years < 35) {
            return "25–34岁";
        }
        if (years < 45) {
            return "35–44岁";
        }
        if (years < 55) {
            return "45–54岁";
        }
        return "55岁及以上";
    }

    private static List<LevelBar> levelBars(Map<String, int[]> groups) {
        int max = groups.values().stream().mapToInt(c -> c[1] + c[2] + c[3]).max().orElse(1);
        List<LevelBar> bars = new ArrayList<>();
        groups.forEach((group, counts) -> {
            int total = counts[1] + counts[2] + counts[3];
            List<Segment> segments = new ArrayList<>();
            int x = 0;
            for (int level = 1; level <= 3; level++) {
                int width = counts[level] * BAR_WIDTH / max;
                if (counts[level] > 0) {
                    segments.add(new Segment(level, x, Math.max(width, 2), counts[level]));
                }
                x += Math.max(width, counts[level] > 0 ? 2 : 0);
            }
            bars.add(new LevelBar(group, counts, total, segments));
        });
        return bars;
    }

    private static List<RateBar> rateBars(Map<String, int[]> groups) {
        List<RateBar> bars = new ArrayList<>();
        groups.forEach((group, counts) -> {
            int percent = counts[0] == 0 ? 0 : Math.round(100f * counts[1] / counts[0]);
            bars.add(new RateBar(group, counts[1], counts[0], percent, percent * BAR_WIDTH / 100));
        });
        return bars;
    }
}
