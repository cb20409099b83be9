package dev.pln.service.decision;

import dev.pln.service.engine.DecisionStatus;
import java.time.LocalDate;

/**
 * Which stored decisions a reviewer looks at; null fields do not filter. {@code from} and {@code to} are UTC
 * days, both included; {@code town} is the town recorded in the facts.
 */
public record DecisionCriteria(Integer level, DecisionStatus status, String town, LocalDate from, LocalDate to,
        String rulesetVersion) {

    /** Every stored decision. */
    public static DecisionCriteria all() {
        return new DecisionCriteria(null, null, null, null, null, null);
    }
}
