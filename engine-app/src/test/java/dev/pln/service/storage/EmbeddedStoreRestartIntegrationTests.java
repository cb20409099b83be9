package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.PlnApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Stops and starts the whole application on one data directory. */
class EmbeddedStoreRestartIntegrationTests {

    @Test
    void keepsTheDataAcrossARestartOnTheSameDataDirectory() throws IOException {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "restart-");

        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(MongoTemplate.class).insert(new StoredProbe("p-1", "written before the restart"));
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(second.getBean(MongoTemplate.class).findById("p-1", StoredProbe.class))
                    .isEqualTo(new StoredProbe("p-1", "written before the restart"));
            assertThat(second.getBean(EmbeddedMongoStore.class).dataFile())
                    .isEqualTo(dataDir.resolve("pln.mv.db").toAbsolutePath().normalize());
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // Arguments, not builder properties: those are defaults that application.yml would override.
        return new SpringApplicationBuilder(PlnApplication.class).web(WebApplicationType.NONE)
                .run("--pln.storage.data-dir=" + dataDir);
    }
}
