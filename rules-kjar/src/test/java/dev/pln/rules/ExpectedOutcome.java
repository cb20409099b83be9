package dev.pln.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Compares an outcome with a fixture's {@code expected} block; only the fields the fixture names are checked. */
final class ExpectedOutcome {

    private ExpectedOutcome() {
    }

    static void assertMatches(Outcome outcome, JsonNode expected) {
        assertThat(outcome.status()).as("status of %s", outcome).isEqualTo(expected.get("status").asString());
        if (expected.has("level")) {
            assertThat(outcome.level()).as("level")
                    .isEqualTo(expected.get("level").isNull() ? null : expected.get("level").asInt());
        }
        assertSet(outcome.barriers(), expected, "barriers");
        assertSet(outcome.problems(), expected, "problems");
        assertSet(new HashSet<>(outcome.missing()), expected, "missing");
        assertSet(outcome.eligibleMeasures(), expected, "eligibleMeasures");
        assertSet(outcome.plan(), expected, "plan");
        assertSet(new HashSet<>(outcome.firedRuleIds()), expected, "firedRuleIds");
        if (expected.has("decidingRuleId")) {
            assertThat(outcome.decidingRuleId()).as("decidingRuleId")
                    .isEqualTo(expected.get("decidingRuleId").isNull() ? null
                            : expected.get("decidingRuleId").asString());
        }
        if (expected.has("notFired")) {
            expected.get("notFired").forEach(id -> assertThat(outcome.firedRuleIds()).as("notFired")
                    .doesNotContain(id.asString()));
        }
        assertThat(outcome.plan()).as("every planned measure is eligible")
                .isSubsetOf(outcome.eligibleMeasures());
    }

    private static void assertSet(Set<String> actual, JsonNode expected, String field) {
        if (!expected.has(field)) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        expected.get(field).forEach(v -> wanted.add(v.asString()));
        assertThat(actual).as(field).containsExactlyInAnyOrderElementsOf(wanted);
    }
}
