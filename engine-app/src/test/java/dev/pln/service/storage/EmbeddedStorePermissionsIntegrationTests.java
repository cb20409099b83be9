package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The data directory and everything the embedded store keeps in it are the service's OS user's alone. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedStorePermissionsIntegrationTests {

    Path dataDir;

    @BeforeEach
    void onAPosixFileSystem() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "permissions-")
                .resolve("data");
    }

    @Test
    void createsTheDataDirectoryAndItsFileForTheOwnerOnly() throws IOException {
        EmbeddedMongoStore store = new EmbeddedMongoStore(dataDir.resolve("pln.mv.db"), 0);
        store.start();
        try {
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("pln.mv.db"))).isEqualTo("rw-------");
        }
        finally {
            store.stop();
        }
    }

    @Test
    void tightensADataDirectoryAnEarlierVersionLeftOpen(CapturedOutput output) throws IOException {
        EmbeddedMongoStore first = new EmbeddedMongoStore(dataDir.resolve("pln.mv.db"), 0);
        first.start();
        first.stop();
        Path copies = Files.createDirectories(dataDir.resolve("copies"));
        Files.writeString(dataDir.resolve("initial-credentials.json"), "{}");
        Files.writeString(copies.resolve("pln.mv.db.bak"), "a copy");
        for (Path path : new Path[] { dataDir, copies }) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path path : new Path[] { dataDir.resolve("pln.mv.db"), dataDir.resolve("initial-credentials.json"),
                copies.resolve("pln.mv.db.bak") }) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }

        EmbeddedMongoStore second = new EmbeddedMongoStore(dataDir.resolve("pln.mv.db"), 0);
        second.start();
        try {
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
            assertThat(permissions(copies)).isEqualTo("rwx------");
            assertThat(permissions(dataDir.resolve("pln.mv.db"))).isEqualTo("rw-------");
            assertThat(permissions(dataDir.resolve("initial-credentials.json"))).isEqualTo("rw-------");
            assertThat(permissions(copies.resolve("pln.mv.db.bak"))).isEqualTo("rw-------");
            assertThat(output).contains("rw-r--r-- to rw-------: " + dataDir.toAbsolutePath().resolve("pln.mv.db"));
        }
        finally {
            second.stop();
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
