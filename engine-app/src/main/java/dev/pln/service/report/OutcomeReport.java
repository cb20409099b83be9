package dev.pln.service.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The outcome report: clients first tiered between {@code from} and {@code to} (inclusive, null = open) in
 * {@code town} (null = all), in total and by the level they entered service with.
 */
record OutcomeReport(LocalDate from, LocalDate to, String town, Outcomes total, Map<String, Outcomes> byLevel) {

    /**
     * One group's outcomes. {@code served}: clients with at least one delivered measure; {@code employed}: of
     * those, clients a follow-up found employed (public-welfare posts included, also counted on their own);
     * {@code employmentRatePercent}: employed / served × 100, one decimal (null when none served);
     * {@code medianDaysToJob}: first tiered assessment to the first job's start.
     */
    record Outcomes(int served, int employed, Double employmentRatePercent, Double medianDaysToJob,
            int publicWelfarePosts, int retained3m, int retained6m, Map<String, Integer> measuresDelivered,
            List<Transition> levelTransitions) {
    }

    /** How many clients moved from one level to another (3→2→1 is progress). */
    record Transition(int from, int to, int clients) {
    }
}
