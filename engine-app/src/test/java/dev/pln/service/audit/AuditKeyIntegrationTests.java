package dev.pln.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pln.service.PlnApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The audit key as an operator meets it: the whole application started and stopped on one data directory of the
 * embedded store, with no key configured — so the key is generated into the data directory on the first start.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditKeyIntegrationTests {

    @Test
    void aValidTrailStaysValidAcrossARestartWithTheGeneratedKeyFile(CapturedOutput output) throws IOException {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "audit-");
        try (ConfigurableApplicationContext first = start(dataDir)) {
            AuditTrail trail = first.getBean(AuditTrail.class);
            for (int i = 1; i <= 3; i++) {
                trail.append("cw-" + i, "WRITE", "POST", "/api/v1/decisions", 201, "127.0.0.1");
            }
        }

        Path keyFile = dataDir.resolve("audit-key");
        assertThat(keyFile).isRegularFile();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        String key = Files.readString(keyFile).strip();
        assertThat(key).hasSizeGreaterThanOrEqualTo(32);

        try (ConfigurableApplicationContext second = start(dataDir)) {
            AuditTrail trail = second.getBean(AuditTrail.class);
            trail.append("cw-4", "WRITE", "POST", "/api/v1/decisions", 201, "127.0.0.1");
            AuditVerification verification = trail.verify();
            assertThat(verification.valid()).isTrue();
            assertThat(verification.entries()).isEqualTo(4);
            assertThat(storedText(second.getBean(MongoTemplate.class))).isNotEmpty().noneMatch(
                    text -> text.contains(key));
        }
        assertThat(output.getAll()).doesNotContain(key);
    }

    @Test
    void anInstanceWithAnotherKeyRefusesToStartOnTheTrailAndSaysWhy(CapturedOutput output) throws IOException {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "audit-");
        try (ConfigurableApplicationContext first = start(dataDir)) {
            first.getBean(AuditTrail.class).append("cw-1", "WRITE", "POST", "/api/v1/decisions", 201, "127.0.0.1");
        }
        String otherKey = "another-instance-has-its-own-key-0123456789";

        assertThatThrownBy(() -> start(dataDir, "--pln.audit.key=" + otherKey).close())
                .hasStackTraceContaining("PLN_AUDIT_KEY")
                .hasStackTraceContaining("seq 1");
        assertThat(output.getAll()).doesNotContain(otherKey);
    }

    /** Every document of every collection of the store, as JSON. */
    static List<String> storedText(MongoTemplate mongo) {
        List<String> texts = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                texts.add(document.toJson());
            }
        }
        return texts;
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of("--pln.storage.data-dir=" + dataDir,
                "--pln.security.enabled=false"));
        args.addAll(List.of(more));
        // Arguments, not builder properties: those are defaults that application.yml would override.
        return new SpringApplicationBuilder(PlnApplication.class).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }
}
