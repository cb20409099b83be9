package dev.pln.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The scenario suites in {@code fixtures/scenarios}: each scenario decides as it expects, and together they
 * reach every rule at a case where it fires and at a case where it does not.
 */
class ScenarioSuiteTests {

    /**
     * Policy areas that run on service records (follow-up outcomes, time in service), which no client-facts
     * scenario can reach; FollowUpRulesTests and FallbackRulesTests cover each of their rules both ways.
     */
    static final Set<String> AFTER_SERVICE_AREAS = Set.of("pln.followup", "pln.fallback");


    /**
     * Rules that fire only when a field the HTTP contract requires is absent, so no valid scenario can fire
     * them; each is shown firing here by removing that field, and in MissingInformationRulesTests.
     */
    static final Map<String, String> GUARDS_OF_REQUIRED_FIELDS = Map.of("MIS-01", "/willingness", "MIS-02",
            "/goal/clarity");

    /** The properties the contract (docs/api.md) allows, per object; anything else would be rejected with 400. */
    static final Map<String, Set<String>> CONTRACT_PROPERTIES = Map.of(
            "", Set.of("clientId", "name", "sex", "age", "targetGroup", "jurisdiction", "willingness", "goal",
                    "conditions", "attitudes", "jobSearch", "family", "assessedBy", "assessedOn"),
            "jurisdiction", Set.of("town", "village"),
            "goal", Set.of("clarity", "occupation", "matchesConditions"),
            "conditions", Set.of("education", "major", "workExperienceYears", "monthsOutOfWork", "skills",
                    "certificates", "health"),
            "attitudes", Set.of("misconceptions"),
            "jobSearch", Set.of("hasResume", "resumeQuality", "interviewSkill", "strategy"),
            "family", Set.of("caregiving", "lowIncome", "needsWorkNearHome", "acceptsShiftWork"));

    static List<Fixture> scenarios() {
        return Fixtures.scenarios();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void decidesAsTheScenarioExpects(Fixture scenario) {
        Outcome outcome = RuleHarness.run(scenario.request());

        ExpectedOutcome.assertMatches(scenario.id(), outcome, scenario.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void expectsEveryPartOfTheOutcome(Fixture scenario) {
        assertThat(scenario.description()).isNotBlank();
        assertThat(scenario.expected().propertyNames()).containsAll(List.of("status", "level", "barriers",
                "problems", "missing", "eligibleMeasures", "plan", "firedRuleIds", "decidingRuleId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void postsARequestTheContractAccepts(Fixture scenario) {
        JsonNode request = scenario.request();

        assertThat(request.path("clientId").asString()).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(request.path("age").isInt()).as("age is an integer").isTrue();
        assertThat(request.path("age").asInt()).isBetween(16, 100);
        assertThat(request.path("willingness").asString()).isIn("WILLING", "UNDECIDED", "UNWILLING");
        assertThat(request.path("goal").hasNonNull("clarity")).as("goal.clarity is required").isTrue();
        assertThat(request.path("conditions").hasNonNull("education")).as("conditions.education is required")
                .isTrue();
        JsonNode experience = request.path("conditions").path("workExperienceYears");
        assertThat(experience.isMissingNode() || experience.asDouble() >= 0 && experience.asDouble() <= 60).isTrue();
        JsonNode monthsOut = request.path("conditions").path("monthsOutOfWork");
        assertThat(monthsOut.isMissingNode() || monthsOut.isInt() && monthsOut.asInt() >= 0 && monthsOut.asInt() <= 600)
                .isTrue();
        CONTRACT_PROPERTIES.forEach((object, allowed) -> {
            JsonNode node = object.isEmpty() ? request : request.path(object);
            assertThat(node.propertyNames()).as("properties of /%s", object).isSubsetOf(allowed);
        });
        assertThat(FactsReader.read(request)).as("every enum value is one the contract names").isNotNull();
    }

    @Test
    void suiteHasAtLeastThirtyScenariosWithUniqueIds() {
        List<String> ids = scenarios().stream().map(Fixture::id).toList();

        assertThat(ids).hasSizeGreaterThanOrEqualTo(30).doesNotHaveDuplicates();
    }

    @Test
    void everyRuleFiresInSomeScenarioAndStaysSilentInAnother() {
        List<Outcome> outcomes = scenarios().stream().map(scenario -> RuleHarness.run(scenario.request())).toList();
        Set<String> ruleIds = new HashSet<>();
        RuleMetadataTests.allRules().stream().filter(rule -> !AFTER_SERVICE_AREAS.contains(rule.getPackageName()))
                .forEach(rule -> ruleIds.add((String) rule.getMetaData().get("ruleId")));

        assertThat(ruleIds).hasSizeGreaterThan(30);
        for (String ruleId : ruleIds) {
            Predicate<Outcome> firesIt = outcome -> outcome.fired(ruleId);
            if (!GUARDS_OF_REQUIRED_FIELDS.containsKey(ruleId)) {
                assertThat(outcomes).as("a scenario where %s fires", ruleId).anyMatch(firesIt);
            }
            assertThat(outcomes).as("a scenario where %s does not fire", ruleId).anyMatch(firesIt.negate());
        }
    }

    @Test
    void guardsOfRequiredFieldsFireWhenTheFieldIsAbsent() {
        JsonNode tao = Fixtures.workedCase("case-1-tao").request();

        GUARDS_OF_REQUIRED_FIELDS.forEach((ruleId, pointer) -> {
            Outcome outcome = RuleHarness.run(Fixtures.with(tao, pointer, null));

            assertThat(outcome.status()).isEqualTo("INCOMPLETE");
            assertThat(outcome.missing()).containsExactly(pointer);
            assertThat(outcome.firedRuleIds()).contains(ruleId);
        });
    }
}
