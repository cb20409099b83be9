package dev.pln.service.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: a MongoDB-wire server on loopback over an H2 MVStore file that this class opens and closes.
 */
final class EmbeddedMongoStore {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    static final String HOST = "127.0.0.1";

    private final Path dataFile;
    private int port;
    private MVStore mvStore;
    private MongoServer server;

    /** A store over {@code dataFile} on {@code port}; 0 picks a free port at the first start and keeps it. */
    EmbeddedMongoStore(Path dataFile, int port) {
        this.dataFile = dataFile.toAbsolutePath().normalize();
        this.port = port;
    }

    /** Opens the data file (creating its directory) and starts listening; rejects a data file in use elsewhere. */
    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataFile.getParent());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the data directory " + dataFile.getParent(), ex);
        }
        MVStore store = open(dataFile);
        MongoServer started = new MongoServer(new CommittingH2Backend(store));
        try {
            started.bind(HOST, port);
        }
        catch (RuntimeException ex) {
            store.close();
            throw new IllegalStateException("Cannot listen on " + HOST + ":" + port + " for the embedded store", ex);
        }
        this.mvStore = store;
        this.server = started;
        this.port = started.getLocalAddress().getPort();
    }

    private static MVStore open(Path dataFile) {
        try {
            return new MVStore.Builder().fileName(dataFile.toString()).open();
        }
        catch (MVStoreException ex) {
            throw new IllegalStateException("Cannot open the data file " + dataFile
                    + " (is another instance using this data directory?)", ex);
        }
    }

    /** Stops listening, closes the clients' connections and closes the data file, which writes what is pending. */
    synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdownNow();
        }
        finally {
            // The backend closes the MVStore on shutdown; closing it here too makes sure even if shutdown failed.
            mvStore.close();
            server = null;
            mvStore = null;
        }
    }

    /** The port the store listens on (after the first start, the one it keeps across restarts). */
    synchronized int port() {
        return port;
    }

    Path dataFile() {
        return dataFile;
    }

    /** The driver's connection string to the store, for the given database. */
    ConnectionString connectionString(String database) {
        return new ConnectionString("mongodb://" + HOST + ":" + port() + "/" + database);
    }
}
