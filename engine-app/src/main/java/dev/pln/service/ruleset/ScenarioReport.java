package dev.pln.service.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * How a rule set did on the fixture scenarios (the method's worked cases and the scenario suites): counts, and
 * for each failure the scenario and, for every field that differs, what the fixture expects and what came out.
 */
record ScenarioReport(int passed, int failed, @JsonInclude(JsonInclude.Include.NON_NULL) List<Failure> failures) {

    /** One scenario whose outcome differs from its fixture, field by field. */
    record Failure(String scenario, String description, Map<String, Object> expected, Map<String, Object> actual) {
    }

    /** The counts only, for lists. */
    ScenarioReport counts() {
        return new ScenarioReport(passed, failed, null);
    }
}
