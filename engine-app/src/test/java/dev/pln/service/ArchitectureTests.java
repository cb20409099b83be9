package dev.pln.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package of the service is a module whose public types are its API; this keeps the
 * boundaries and writes the module diagram that docs/architecture.md shows.
 */
class ArchitectureTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PlnApplication.class);

    @Test
    void modulesOnlyUseEachOthersApisAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void committedModuleDiagramMatchesTheCode() throws IOException {
        Path out = Path.of("target", "spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml();
        String generated = canonical(Files.readString(out.resolve("components.puml"), StandardCharsets.UTF_8));
        Path committed = Path.of("..", "docs", "modules.puml");
        if (Boolean.getBoolean("pln.docs.update")) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        // The documenter lists relations in no fixed order from run to run, so the lines are compared as a set.
        assertThat(sortedLines(Files.readString(committed, StandardCharsets.UTF_8)))
                .as("docs/modules.puml is stale: run ./mvnw -pl engine-app test "
                        + "-Dtest=ArchitectureTests -Dpln.docs.update=true")
                .isEqualTo(sortedLines(generated));
    }

    private static java.util.List<String> sortedLines(String text) {
        return text.lines().sorted().toList();
    }

    /**
     * The documenter lists components and relations in an order that varies with what ran before in the
     * JVM; runs of them are sorted so that the committed diagram does not flip between builds.
     */
    static String canonical(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        int start = 0;
        while (start < lines.size()) {
            String kind = kind(lines.get(start));
            int end = start + 1;
            while (kind != null && end < lines.size() && kind.equals(kind(lines.get(end)))) {
                end++;
            }
            Collections.sort(lines.subList(start, end));
            start = end;
        }
        return String.join("\n", lines) + "\n";
    }

    private static String kind(String line) {
        String trimmed = line.trim();
        return trimmed.startsWith("Rel(") ? "Rel(" : trimmed.startsWith("Component(") ? "Component(" : null;
    }
}
