package dev.pln.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The method's four worked cases decide exactly as the case study did, for the right rules. */
class WorkedCasesTests {

    static List<Fixture> workedCases() {
        return Fixtures.workedCases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedCases")
    void reproducesTheCaseStudy(Fixture fixture) {
        Outcome outcome = RuleHarness.run(fixture.request());

        ExpectedOutcome.assertMatches(fixture.id(), outcome, fixture.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workedCases")
    void neverPlansSkillsTrainingForTheFourCases(Fixture fixture) {
        assertThat(RuleHarness.run(fixture.request()).plan()).doesNotContain("N5");
    }
}
