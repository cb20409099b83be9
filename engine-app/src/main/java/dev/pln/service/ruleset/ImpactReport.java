package dev.pln.service.ruleset;

import com.mongodb.client.model.Filters;
import dev.pln.service.system.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * What activating a version would change for the stored clients: each client's latest facts decided by the
 * version, compared with the decision currently in force for them. Outcomes read {@code LEVEL_1}…{@code LEVEL_3},
 * {@code NOT_TIERED} or {@code INCOMPLETE}; {@code byGroup} breaks the changes down by sex, age band and town
 * so that a change's fairness can be seen before it goes live.
 */
record ImpactReport(String version, String checksum, Population jurisdiction, long evaluated, long changed,
        long skipped, List<Transition> transitions, MeasureChanges measureChanges,
        Map<String, Map<String, GroupImpact>> byGroup, List<Example> examples, Instant startedAt, Instant finishedAt,
        double seconds) {

    /**
     * The clients a preview covers: the whole district (both null), or those of one town (and village) — a
     * policy officer's jurisdiction. A client belongs where the {@code jurisdiction} of its latest facts says.
     */
    record Population(String town, String village) {

        static final Population DISTRICT = new Population(null, null);

        /** The population inside the caller's scope; the whole district without one. */
        static Population of(Optional<Scope> scope) {
            return scope.filter(limits -> limits.town() != null)
                    .map(limits -> new Population(limits.town(), limits.village())).orElse(DISTRICT);
        }

        Bson clients() {
            if (town == null) {
                return new Document();
            }
            Bson inTown = Filters.eq("facts.jurisdiction.town", town);
            return village == null ? inTown : Filters.and(inTown, Filters.eq("facts.jurisdiction.village", village));
        }

        /** Whether a caller with this scope may see what was previewed for this population. */
        boolean visibleTo(Optional<Scope> scope) {
            Population caller = of(scope);
            return caller.town == null || caller.equals(this);
        }
    }

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
