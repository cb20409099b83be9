package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCredential;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another local user reaches the embedded store's loopback port: without the store's secret, it can read, write
 * and list nothing, through the driver or the legacy wire protocol, while the service's own connection works.
 */
class EmbeddedStoreAccessIntegrationTests {

    static final int UNAUTHORIZED = 13;

    EmbeddedMongoStore store;

    @BeforeEach
    void startAStoreHoldingOneClient() throws IOException {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "access-");
        store = new EmbeddedMongoStore(dataDir.resolve("pln.mv.db"), 0);
        store.start();
        try (MongoClient service = serviceClient()) {
            service.getDatabase("pln").getCollection("users")
                    .insertOne(new Document("_id", "cw-017").append("roles", List.of("CASEWORKER")));
        }
    }

    @AfterEach
    void stopTheStore() {
        store.stop();
    }

    @Test
    void refusesToListReadOrWriteForAClientWithoutTheSecret() {
        try (MongoClient stranger = MongoClients.create(store.connectionString("pln"))) {
            MongoCollection<Document> users = stranger.getDatabase("pln").getCollection("users");

            assertThat(codeOf(() -> stranger.listDatabaseNames().into(new ArrayList<>()))).isEqualTo(UNAUTHORIZED);
            assertThat(codeOf(() -> stranger.getDatabase("pln").listCollectionNames().into(new ArrayList<>())))
                    .isEqualTo(UNAUTHORIZED);
            assertThat(codeOf(() -> users.find().first())).isEqualTo(UNAUTHORIZED);
            assertThat(codeOf(() -> users.updateOne(new Document("_id", "cw-017"),
                    new Document("$set", new Document("roles", List.of("ADMIN")))))).isEqualTo(UNAUTHORIZED);
            assertThat(codeOf(() -> users.insertOne(new Document("_id", "intruder")))).isEqualTo(UNAUTHORIZED);
            assertThat(codeOf(() -> stranger.getDatabase("pln").drop())).isEqualTo(UNAUTHORIZED);
            assertThat(codeOf(() -> stranger.getDatabase("admin").runCommand(new Document("serverStatus", 1))))
                    .isEqualTo(UNAUTHORIZED);
        }
        assertThat(storedUsers()).containsExactly(
                new Document("_id", "cw-017").append("roles", List.of("CASEWORKER")));
    }

    @Test
    void servesAClientWithTheSecret() {
        try (MongoClient service = serviceClient()) {
            MongoCollection<Document> users = service.getDatabase("pln").getCollection("users");
            users.insertOne(new Document("_id", "cw-018"));

            assertThat(service.listDatabaseNames().into(new ArrayList<>())).contains("pln");
            assertThat(users.find().into(new ArrayList<>())).extracting(user -> user.get("_id"))
                    .containsExactly("cw-017", "cw-018");
        }
    }

    @Test
    void refusesAClientWithAWrongSecret() {
        MongoCredential guess = MongoCredential.createScramSha256Credential(EmbeddedMongoStore.USER,
                EmbeddedMongoStore.AUTH_SOURCE, "not-the-secret".toCharArray());
        try (MongoClient stranger = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(store.connectionString("pln")).credential(guess).build())) {
            assertThatExceptionOfType(MongoSecurityException.class)
                    .isThrownBy(() -> stranger.getDatabase("pln").getCollection("users").find().first());
        }
    }

    @Test
    void writesAConnectionStringForTheServicesOsUserOnly() throws IOException {
        Path file = store.dataFile().resolveSibling(EmbeddedMongoStore.URI_FILE);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (MongoClient tool = MongoClients.create(Files.readString(file).strip())) {
            assertThat(tool.getDatabase("pln").getCollection("users").countDocuments()).isEqualTo(1);
        }

        store.stop();
        assertThat(file).doesNotExist();
    }

    @Test
    void answersTheHandshakeWithoutTheSecret() {
        // The driver's monitor never authenticates: without isMaster it would never find the server.
        try (MongoClient stranger = MongoClients.create(store.connectionString("pln"))) {
            Document reply = stranger.getDatabase("admin").runCommand(new Document("isMaster", 1));

            assertThat(reply.get("ismaster")).isEqualTo(true);
            assertThat(codeOf(() -> stranger.getDatabase("admin").runCommand(new Document("ping", 1))))
                    .isEqualTo(UNAUTHORIZED);
            // Not even an empty database appears for a handshake sent to it.
            stranger.getDatabase("made-by-a-stranger").runCommand(new Document("isMaster", 1));
            codeOf(() -> stranger.getDatabase("made-by-a-stranger-too").runCommand(new Document("hello", 1)));
        }
        try (MongoClient service = serviceClient()) {
            assertThat(service.listDatabaseNames().into(new ArrayList<>())).containsExactly("pln");
        }
    }

    @Test
    void refusesLegacyQueriesAndCommandsWithoutTheSecret() throws IOException {
        try (LegacyWireClient stranger = new LegacyWireClient(EmbeddedMongoStore.HOST, store.port())) {
            assertThat(stranger.query("admin.$cmd", new Document("isMaster", 1)))
                    .singleElement().satisfies(reply -> assertThat(reply.get("ismaster")).isEqualTo(true));

            for (Document command : List.of(new Document("find", "users"), new Document("listCollections", 1),
                    new Document("$query", new Document("find", "users")))) {
                assertThat(stranger.query("pln.$cmd", command)).as(command.toJson()).singleElement()
                        .satisfies(reply -> assertThat(reply.get("code")).isEqualTo(UNAUTHORIZED));
            }
            assertThat(stranger.query("admin.$cmd", new Document("serverStatus", 1))).singleElement()
                    .satisfies(reply -> assertThat(reply.get("code")).isEqualTo(UNAUTHORIZED));
            assertThat(stranger.query("pln.users", new Document())).singleElement()
                    .satisfies(reply -> assertThat(reply.get("code")).isEqualTo(UNAUTHORIZED));
        }
    }

    private MongoClient serviceClient() {
        return ServiceClient.of(store);
    }

    private List<Document> storedUsers() {
        try (MongoClient service = serviceClient()) {
            return service.getDatabase("pln").getCollection("users").find().into(new ArrayList<>());
        }
    }

    /** The server's error code for what {@code call} did, or -1 if it succeeded. */
    private static int codeOf(Runnable call) {
        MongoException refused = catchThrowableOfType(MongoException.class, call::run);
        return refused == null ? -1 : refused.getCode();
    }
}
