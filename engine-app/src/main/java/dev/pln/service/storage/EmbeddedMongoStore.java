package dev.pln.service.storage;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

    /*
     * Every acknowledged write is a commit, and a commit appends a chunk of copy-on-write pages (about 20 kB with
     * 4 kB pages, 45 kB with the default 16 kB). The file reuses a dead chunk's space only after the retention time,
     * 45 s by default: at ~700 writes a second the file grew to 1.8 GB in a minute. The retention time exists so
     * that a chunk is overwritten only once the disk surely holds the newer ones; syncing the file every second
     * gives that guarantee for a much shorter retention time.
     */
    private static final int PAGE_SPLIT_SIZE = 4 * 1024;
    private static final int RETENTION_MILLIS = 5_000;
    private static final long SYNC_PERIOD_MILLIS = 1_000;

    private final Path dataFile;
    private int port;
    private MVStore mvStore;
    private MongoServer server;
    private ScheduledExecutorService syncer;
    private long syncedVersion = -1;

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
        this.syncer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pln-store-sync");
            thread.setDaemon(true);
            return thread;
        });
        syncer.scheduleWithFixedDelay(() -> sync(store), SYNC_PERIOD_MILLIS, SYNC_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Asks the OS to put the committed chunks on the disk (fsync), when anything was committed since last time. */
    private void sync(MVStore store) {
        try {
            long version = store.getCurrentVersion();
            if (version != syncedVersion && !store.isClosed()) {
                store.sync();
                syncedVersion = version;
            }
        }
        catch (RuntimeException ex) {
            log.warn("Could not sync the data file {}", dataFile, ex);
        }
    }

    private static MVStore open(Path dataFile) {
        try {
            MVStore store = new MVStore.Builder().fileName(dataFile.toString()).pageSplitSize(PAGE_SPLIT_SIZE).open();
            store.setRetentionTime(RETENTION_MILLIS);
            return store;
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
        stopSyncing();
        try {
            server.shutdownNow();
        }
        finally {
            // The backend closes the MVStore on shutdown; closing it here too makes sure even if shutdown failed.
            mvStore.close();
            server = null;
            mvStore = null;
            syncer = null;
            log.info("Storage: embedded MongoDB-wire server stopped, data file {} closed", dataFile);
        }
    }

    private void stopSyncing() {
        // Not shutdownNow: interrupting a thread inside FileChannel.force closes the channel under the MVStore.
        syncer.shutdown();
        try {
            if (!syncer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("The data file sync of {} did not finish in 10 s", dataFile);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
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
