package dev.pln.service.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoCredential;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: a MongoDB-wire server on loopback over an H2 MVStore file that this class opens and closes,
 * answering only connections that authenticate with a secret made anew for each instance.
 */
final class EmbeddedMongoStore {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoStore.class);

    static final String HOST = "127.0.0.1";

    /** The store's one user; its password is the secret, which the service's own driver presents. */
    static final String USER = "pln-service";
    static final String AUTH_SOURCE = "admin";

    /** The file in the data directory with a connection string for tools of the service's OS user. */
    static final String URI_FILE = "embedded-store.uri";

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
    private final MongoCredential credential;
    private final ScramSha256Server scram;
    private int port;
    private MVStore mvStore;
    private MongoServer server;
    private ScheduledExecutorService syncer;
    private long syncedVersion = -1;

    /** A store over {@code dataFile} on {@code port}; 0 picks a free port at the first start and keeps it. */
    EmbeddedMongoStore(Path dataFile, int port) {
        this.dataFile = dataFile.toAbsolutePath().normalize();
        this.port = port;
        // Per instance, not per start: the driver keeps its credential while the store stops and starts again.
        SecureRandom random = new SecureRandom();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
        this.credential = MongoCredential.createScramSha256Credential(USER, AUTH_SOURCE, password);
        this.scram = new ScramSha256Server(USER, password, random);
    }

    /**
     * Makes the data directory owner-only (creating it), opens the data file, starts listening and writes the
     * connection string file; rejects a data file in use elsewhere.
     */
    synchronized void start() {
        if (server != null) {
            return;
        }
        DataDirectory directory = new DataDirectory(dataFile.getParent());
        directory.secure();
        directory.createOwnerOnly(dataFile);
        MVStore store = open(dataFile);
        MongoServer started = new MongoServer(new AuthenticatingBackend(new CommittingH2Backend(store), scram));
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
        writeUriFile(directory);
        this.syncer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pln-store-sync");
            thread.setDaemon(true);
            return thread;
        });
        syncer.scheduleWithFixedDelay(() -> sync(store), SYNC_PERIOD_MILLIS, SYNC_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Writes the connection string with the secret for this start, readable by the service's OS user only: that
     * user can read the data file anyway, and with it tools such as {@code mongosh} reach the running store.
     */
    private void writeUriFile(DataDirectory directory) {
        Path file = uriFile();
        try {
            Files.deleteIfExists(file);
            directory.createOwnerOnly(file);
            String uri = "mongodb://" + USER + ":" + new String(credential.getPassword()) + "@" + HOST + ":" + port
                    + "/?authSource=" + AUTH_SOURCE + "&authMechanism=" + ScramSha256Server.MECHANISM;
            Files.writeString(file, uri + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        }
        catch (IOException | UncheckedIOException ex) {
            // Only tools outside the service need the file; the service's own driver has the credential.
            log.warn("Storage: could not write {}; tools cannot reach the embedded store", file, ex);
        }
    }

    private void deleteUriFile() {
        try {
            Files.deleteIfExists(uriFile());
        }
        catch (IOException ex) {
            log.warn("Could not delete {}", uriFile(), ex);
        }
    }

    private Path uriFile() {
        return dataFile.resolveSibling(URI_FILE);
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
        deleteUriFile();
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

    /** The driver's connection string to the store, for the given database; without the credential. */
    ConnectionString connectionString(String database) {
        return new ConnectionString("mongodb://" + HOST + ":" + port() + "/" + database);
    }

    /** The credential the store accepts: the service's own driver uses it, nothing else gets it in-process. */
    MongoCredential credential() {
        return credential;
    }
}
