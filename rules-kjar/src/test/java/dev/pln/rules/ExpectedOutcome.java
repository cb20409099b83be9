package dev.pln.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Compares an outcome with a fixture's {@code expected} block; only the fields the fixture names are checked. */
final class ExpectedOutcome {

    private ExpectedOutcome() {
    }

    /** Asserts that {@code outcome} is what {@code expected} says; failures name the fixture. */
    static void assertMatches(String fixtureId, Outcome outcome, JsonNode expected) {
        String in = fixtureId + ": ";
        assertThat(outcome.status()).as("%sstatus of %s", in, outcome).isEqualTo(expected.get("status").asString());
        if (expected.has("level")) {
            assertThat(outcome.level()).as(in + "level")
                    .isEqualTo(expected.get("level").isNull() ? null : expected.get("level").asInt());
        }
        assertSet(in, outcome.barriers(), expected, "barriers");
        assertSet(in, outcome.problems(), expected, "problems");
        assertSet(in, new HashSet<>(outcome.missing()), expected, "missing");
        assertSet(in, outcome.eligibleMeasures(), expected, "eligibleMeasures");
        assertSet(in, outcome.plan(), expected, "plan");
        assertSet(in, new HashSet<>(outcome.firedRuleIds()), expected, "firedRuleIds");
        if (expected.has("decidingRuleId")) {
            assertThat(outcome.decidingRuleId()).as(in + "decidingRuleId")
                    .isEqualTo(expected.get("decidingRuleId").isNull() ? null
                            : expected.get("decidingRuleId").asString());
        }
        if (expected.has("notFired")) {
            expected.get("notFired").forEach(id -> assertThat(outcome.firedRuleIds()).as(in + "notFired")
                    .doesNotContain(id.asString()));
        }
        assertThat(outcome.plan()).as(in + "every planned measure is eligible")
                .isSubsetOf(outcome.eligibleMeasures());
    }

    private static void assertSet(String in, Set<String> actual, JsonNode expected, String field) {
        if (!expected.has(field)) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        expected.get(field).forEach(v -> wanted.add(v.asString()));
        assertThat(actual).as(in + field).containsExactlyInAnyOrderElementsOf(wanted);
    }
}
