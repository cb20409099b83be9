package dev.pln.service.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.engine.BuildProblem;
import dev.pln.service.engine.Ruleset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrlSafetyCheckTests {

    static String rule(String consequence) {
        return """
                package pln.extra;

                import dev.pln.model.*;

                rule "Extra"
                    @ruleId("X-01")
                when
                    Person( age >= 45 )
                then
                    %s
                end
                """.formatted(consequence);
    }

    @Test
    void theShippedRulesAreSafe() {
        assertThat(DrlSafetyCheck.check(Ruleset.fromClasspath(getClass().getClassLoader()).sources())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "System.exit( 1 );|System",
            "java.lang.System.exit( 1 );|System",
            "Runtime.getRuntime().exec( \"rm -rf /\" );|Runtime",
            "new ProcessBuilder( \"sh\" ).start();|ProcessBuilder",
            "new java.io.File( \"/etc/passwd\" ).delete();|java.io.File",
            "java.nio.file.Files.delete( null );|java.nio.file.Files",
            "new java.net.Socket( \"example.org\", 80 );|java.net.Socket",
            "Class.forName( \"dev.pln.model.Person\" );|Class",
            "\"\".getClass().getMethods();|getClass",
            "Thread.currentThread().getContextClassLoader();|Thread",
            "new Thread( () -> {} ).start();|Thread",
            "insert( dev.pln.service.engine.Ruleset.fromClasspath( null ) );|dev.pln.service.engine.Ruleset.fromClasspath" })
    void refusesCodeThatReachesBeyondTheFactsNamingTheLine(String consequence, String named) {
        List<BuildProblem> problems = DrlSafetyCheck.check("pln/extra/extra.drl", rule(consequence));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("pln/extra/extra.drl");
            assertThat(problem.line()).isEqualTo(10);
            assertThat(problem.column()).isPositive();
            assertThat(problem.message()).contains(named);
        });
    }

    @Test
    void refusesImportsBeyondTheModelAndTheJavaBasics() {
        String text = rule("insert( new Barrier( BarrierType.OLDER_AGE ) );").replace("import dev.pln.model.*;",
                "import dev.pln.model.*;\nimport java.util.List;\nimport function java.lang.Runtime.getRuntime;");

        assertThat(DrlSafetyCheck.check("pln/extra/extra.drl", text)).extracting(BuildProblem::line)
                .containsExactly(5);
    }

    @Test
    void seesThroughUnicodeEscapes() {
        List<BuildProblem> problems = DrlSafetyCheck.check("pln/extra/extra.drl",
                rule("\\u0053ystem.exit( 1 );"));

        assertThat(problems).extracting(BuildProblem::line).containsExactly(10);
    }

    @Test
    void ignoresCommentsAndStringsThatMerelyMentionForbiddenNames() {
        String text = rule("insert( new Barrier( BarrierType.OLDER_AGE ) ); // not System.exit")
                .replace("@ruleId(\"X-01\")", "@ruleId(\"X-01\") @reason(\"Runtime 和 File 只是文字\")")
                .replace("package pln.extra;", "/* Thread and Class in a comment */\npackage pln.extra;");

        assertThat(DrlSafetyCheck.check("pln/extra/extra.drl", text)).isEmpty();
    }
}
