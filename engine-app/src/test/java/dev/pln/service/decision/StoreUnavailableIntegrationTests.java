package dev.pln.service.decision;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.pln.rules.Fixtures;
import dev.pln.service.ApiClient;
import dev.pln.service.ApiClient.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A store that cannot be reached gives 503 with Retry-After, and the service recovers by itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreUnavailableIntegrationTests {

    static final int PORT = freePort();
    static MongoServer store = start();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri",
                () -> "mongodb://127.0.0.1:" + PORT + "/pln?serverSelectionTimeoutMS=1000&heartbeatFrequencyMS=500");
        // The explicit opt-out; the same outage with credentials: security.SecuredStoreOutageIntegrationTests.
        registry.add("pln.security.enabled", () -> "false");
    }

    @AfterAll
    static void stop() {
        store.shutdownNow();
    }

    @LocalServerPort
    int port;

    @Test
    void answers503WhileTheStoreIsDownAndRecoversWhenItReturns() {
        ApiClient api = new ApiClient(port);
        assertThat(api.post("/api/v1/decisions", Fixtures.workedCase("case-1-tao").request()).status())
                .isEqualTo(201);

        store.shutdownNow();
        Reply down = api.post("/api/v1/decisions", Fixtures.workedCase("case-2-wang").request());

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.header("Content-Type")).startsWith("application/problem+json");

        store = start();
        Reply recovered = api.post("/api/v1/decisions", Fixtures.workedCase("case-2-wang").request());
        assertThat(recovered.status()).isEqualTo(201);
    }

    private static MongoServer start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", PORT);
        return server;
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
