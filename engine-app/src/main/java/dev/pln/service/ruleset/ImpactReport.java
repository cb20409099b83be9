package dev.pln.service.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What activating a version would change for the stored clients: each client's latest facts decided by the
 * version, compared with the decision currently in force for them. Outcomes read {@code LEVEL_1}…{@code LEVEL_3},
 * {@code NOT_TIERED} or {@code INCOMPLETE}; {@code byGroup} breaks the changes down by sex, age band and town
 * so that a change's fairness can be seen before it goes live.
 */
record ImpactReport(String version, String checksum, long evaluated, long changed, long skipped,
        List<Transition> transitions, MeasureChanges measureChanges, Map<String, Map<String, GroupImpact>> byGroup,
        List<Example> examples, Instant startedAt, Instant finishedAt, double seconds) {

    /** How many clients would move from one outcome to another (only real moves are listed). */
    record Transition(String from, String to, long count) {
    }

    /** The impact on one group (e.g. sex FEMALE, age band 45-54, one town). */
    record GroupImpact(long evaluated, long changed, List<Transition> transitions) {
    }

    /**
     * Clients whose planned or eligible measures would change, and how often each measure would be added to or
     * removed from a plan or an eligibility list.
     */
    record MeasureChanges(long clients, Map<String, Long> planAdded, Map<String, Long> planRemoved,
            Map<String, Long> eligibleAdded, Map<String, Long> eligibleRemoved) {
    }

    /** One client whose outcome would change, identified by ids only (no personal data). */
    record Example(String clientId, String decisionId, String from, String to, List<String> planBefore,
            List<String> planAfter) {
    }
}
