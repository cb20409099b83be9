package dev.pln.service.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditKeyTests {

    static final String TEXT = "pln-audit-entry\n1\n2";

    @Test
    void generatesAnOwnerOnlyKeyOnceAndKeepsUsingIt(@TempDir Path dataDir) throws IOException {
        AuditKey first = new AuditKey(new AuditSettings(""), dataDir.resolve("data"));
        AuditKey second = new AuditKey(new AuditSettings(null), dataDir.resolve("data"));

        Path file = dataDir.resolve("data").resolve(AuditKey.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(second.mac(TEXT)).isEqualTo(first.mac(TEXT));
        assertThat(first.source()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(first.toString()).doesNotContain(Files.readString(file));
    }

    @Test
    void narrowsAKeyFileOthersCouldRead(@TempDir Path dataDir) throws IOException {
        new AuditKey(new AuditSettings(""), dataDir);
        Path file = dataDir.resolve(AuditKey.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new AuditKey(new AuditSettings(""), dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyIsUsedAsTheGeneratedFileWouldBeAndNoFileIsWritten(@TempDir Path dataDir) throws IOException {
        AuditKey generated = new AuditKey(new AuditSettings(""), dataDir.resolve("a"));
        String text = Files.readString(dataDir.resolve("a").resolve(AuditKey.FILE));

        AuditKey configured = new AuditKey(new AuditSettings(text + "\n"), dataDir.resolve("b"));

        assertThat(configured.mac(TEXT)).isEqualTo(generated.mac(TEXT));
        assertThat(configured.source()).isEqualTo("pln.audit.key");
        assertThat(dataDir.resolve("b")).doesNotExist();
    }

    @Test
    void refusesAConfiguredKeyShorterThan32CharactersWithoutShowingIt(@TempDir Path dataDir) {
        assertThatThrownBy(() -> new AuditKey(new AuditSettings("short-secret-123"), dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shorter than 32 characters")
                .hasMessageNotContaining("short-secret-123");
    }

    @Test
    void aMacIsOnlyAcceptedForTheTextAndKeyItWasMadeOf() {
        AuditKey key = new AuditKey("one key of at least thirty-two characters", "test");
        AuditKey other = new AuditKey("another key of at least thirty-two characters", "test");
        String mac = key.mac(TEXT);

        assertThat(key.sealed(TEXT, mac)).isTrue();
        assertThat(key.sealed(TEXT + " ", mac)).isFalse();
        assertThat(other.sealed(TEXT, mac)).isFalse();
        assertThat(key.sealed(TEXT, null)).isFalse();
    }
}
