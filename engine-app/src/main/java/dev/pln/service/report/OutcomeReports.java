package dev.pln.service.report;

import dev.pln.model.Measure;
import dev.pln.service.services.CaseSummary;
import dev.pln.service.services.Casework;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Computes outcome reports from the cases' summary fields, one pass over the matching cases. */
@Service
class OutcomeReports {

    private final Casework casework;

    OutcomeReports(Casework casework) {
        this.casework = casework;
    }

    OutcomeReport report(LocalDate from, LocalDate to, String town) {
        List<CaseSummary> cases = casework.summaries(from, to, town);
        Map<String, Tally> byLevel = new TreeMap<>();
        Tally total = new Tally();
        for (CaseSummary summary : cases) {
            total.add(summary);
            if (summary.entryLevel() != null) {
                byLevel.computeIfAbsent(String.valueOf(summary.entryLevel()), level -> new Tally()).add(summary);
            }
        }
        Map<String, OutcomeReport.Outcomes> levels = new LinkedHashMap<>();
        byLevel.forEach((level, tally) -> levels.put(level, tally.outcomes()));
        return new OutcomeReport(from, to, town, total.outcomes(), levels);
    }

    /** Running counts for one group. */
    private static final class Tally {
        int served;
        int employed;
        int publicWelfare;
        int retained3m;
        int retained6m;
        final List<Long> daysToJob = new ArrayList<>();
        final Map<String, Integer> measures = new LinkedHashMap<>();
        final Map<String, Integer> transitions = new TreeMap<>();

        Tally() {
            for (Measure measure : Measure.values()) {
                measures.put(measure.name(), 0);
            }
        }

        void add(CaseSummary summary) {
            summary.measureCounts().forEach((measure, count) -> measures.merge(measure, count, Integer::sum));
            summary.transitions().forEach(transition -> transitions.merge(transition, 1, Integer::sum));
            if (!summary.served()) {
                return;
            }
            served++;
            if (summary.employedOn() != null) {
                employed++;
                if (summary.firstTieredOn() != null) {
                    daysToJob.add(Math.max(0, ChronoUnit.DAYS.between(summary.firstTieredOn(), summary.employedOn())));
                }
            }
            publicWelfare += summary.publicWelfare() ? 1 : 0;
            retained3m += summary.retained3m() ? 1 : 0;
            retained6m += summary.retained6m() ? 1 : 0;
        }

        OutcomeReport.Outcomes outcomes() {
            Double rate = served == 0 ? null : Math.round(employed * 1000.0 / served) / 10.0;
            List<OutcomeReport.Transition> moves = new ArrayList<>();
            transitions.forEach((transition, clients) -> {
                int[] levels = Arrays.stream(transition.split("-")).mapToInt(Integer::parseInt).toArray();
                moves.add(new OutcomeReport.Transition(levels[0], levels[1], clients));
            });
            return new OutcomeReport.Outcomes(served, employed, rate, median(daysToJob), publicWelfare, retained3m,
                    retained6m, Map.copyOf(measures), List.copyOf(moves));
        }

        private static Double median(List<Long> values) {
            if (values.isEmpty()) {
                return null;
            }
            long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
            int middle = sorted.length / 2;
            return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        }
    }
}
