package dev.pln.service.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage settings under {@code pln.storage}; see {@code docs/operations.md} for what each one means.
 *
 * @param dataDir directory of the embedded store's data file {@code pln.mv.db}
 * @param embeddedPort loopback port of the embedded store; {@code null} or 0 picks a free port
 * @param embedded whether to start the embedded store when no MongoDB URI is configured
 */
@ConfigurationProperties("pln.storage")
record StorageSettings(@DefaultValue("./data") Path dataDir, Integer embeddedPort, @DefaultValue("true") boolean embedded) {

    /** The embedded store's data file. */
    Path dataFile() {
        return dataDir.resolve("pln.mv.db");
    }
}
