package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.pln.service.security.SecuredService.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store that cannot be reached while callers sign in: 503 with Retry-After for passwords and keys alike —
 * never a 500, never a 401 that tells the caller its password is wrong — and back to normal without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecuredStoreOutageIntegrationTests {

    static final Path DATA_DIR = temporaryDirectory();
    static final int PORT = freePort();
    static MongoServer store = start();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://127.0.0.1:" + PORT + "/pln?serverSelectionTimeoutMS=1000&heartbeatFrequencyMS=500");
        registry.add("pln.storage.data-dir", DATA_DIR::toString);
    }

    @AfterAll
    static void stop() {
        store.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Test
    void signingInWhileTheStoreIsDownIs503AndWorksAgainWhenItReturns() throws IOException {
        JsonNode initial = JsonMapper.builder().build()
                .readTree(Files.readString(DATA_DIR.resolve("initial-credentials.json")));
        Caller admin = Caller.basic(port, "admin", initial.get("password").asString());
        Caller intake = Caller.bearer(port, initial.get("apiKey").asString());
        assertThat(admin.get("/api/v1/decisions").statusCode()).isEqualTo(200);
        assertThat(intake.get("/api/v1/decisions").statusCode()).isEqualTo(200);

        store.shutdownNow();
        HttpResponse<String> password = admin.get("/api/v1/decisions");
        HttpResponse<String> key = intake.get("/api/v1/decisions");
        HttpResponse<String> form = Caller.nobody(port).signIn("admin", initial.get("password").asString());

        for (HttpResponse<String> down : new HttpResponse[] { password, key }) {
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(down.body()).contains("/problems/store-unavailable");
        }
        assertThat(form.headers().firstValue("Location").orElse("")).endsWith("/login?unavailable");

        store = start();
        assertThat(admin.get("/api/v1/decisions").statusCode()).isEqualTo(200);
        assertThat(intake.get("/api/v1/decisions").statusCode()).isEqualTo(200);
    }

    private static MongoServer start() {
        MongoServer server = new MongoServer(new H2Backend(DATA_DIR.resolve("outage.mv.db").toString()));
        server.bind("127.0.0.1", PORT);
        return server;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("pln-outage-test");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
