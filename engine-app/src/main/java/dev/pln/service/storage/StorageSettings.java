package dev.pln.service.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storage settings under {@code pln.storage}; {@code docs/operations.md} says what each one means.
 *
 * @param dataDir directory of the embedded store's data file {@code pln.mv.db}
 * @param embeddedPort loopback port of the embedded store; {@code null} or 0 picks a free port
 * @param embedded whether to start the embedded store when no MongoDB URI is configured
 * @param serverSelectionTimeout how long an operation waits for a reachable store before it fails
 * @param connectTimeout how long opening a connection to the store may take
 * @param socketTimeout how long the client waits for a reply on an open connection; 0 waits for ever
 */
@ConfigurationProperties("pln.storage")
record StorageSettings(
        @DefaultValue("./data") Path dataDir,
        Integer embeddedPort,
        @DefaultValue("true") boolean embedded,
        @DefaultValue("2s") Duration serverSelectionTimeout,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration socketTimeout) {

    /** The embedded store's data file. */
    Path dataFile() {
        return dataDir.resolve("pln.mv.db");
    }
}
