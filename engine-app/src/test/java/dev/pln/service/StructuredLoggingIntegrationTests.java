package dev.pln.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.storage.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boot's standard structured-logging switch works (logging is set up once per JVM, hence a JVM of its own), and
 * the personal-data filter stays on top of it.
 */
class StructuredLoggingIntegrationTests {

    @Test
    void theStandardSwitchPrintsJsonLinesWithThePersonalDataFilterStillInstalled() throws IOException {
        Path data = Files.createTempDirectory("pln-structured-log");
        try (ChildJvm service = ChildJvm.start(PlnApplication.class, List.of("-XX:TieredStopAtLevel=1"),
                "--logging.structured.format.console=ecs", "--spring.main.web-application-type=none",
                "--pln.storage.data-dir=" + data, "--logging.level.dev.pln.service.system=DEBUG")) {
            String started = service.awaitLine(line -> line.contains("Started PlnApplication"), Duration.ofSeconds(90));
            String filter = service.awaitLine(line -> line.contains("Personal-data log filter installed"),
                    Duration.ofSeconds(5));

            JsonNode line = JsonMapper.builder().build().readTree(started);
            assertThat(line.get("@timestamp").asString()).isNotBlank();
            JsonNode level = line.has("log.level") ? line.get("log.level") : line.get("log").get("level");
            assertThat(level.asString()).isEqualTo("INFO");
            assertThat(JsonMapper.builder().build().readTree(filter).get("message").asString())
                    .contains("Personal-data log filter installed");
        }
    }
}
