package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code spring.mongodb.uri} set, the service uses that server and starts nothing embedded; here the server is
 * an in-memory one started by the test, so that this path runs on every machine.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class ConfiguredUriIntegrationTests extends StorageContract {

    static final MongoServer SERVER = new MongoServer(H2Backend.inMemory());

    static final int PORT = SERVER.bind().getPort();

    @DynamicPropertySource
    static void storageUri(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PORT + "/pln");
    }

    @AfterAll
    static void stopServer() {
        SERVER.shutdownNow();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoClient client;

    @Test
    void startsNoEmbeddedStoreAndConnectsToTheUriWithShortTimeouts() {
        assertThat(context.getBeanNamesForType(EmbeddedMongoStore.class)).isEmpty();
        assertThat(client.getClusterDescription().getClusterSettings().getHosts())
                .extracting(address -> address.getHost() + ":" + address.getPort())
                .containsExactly("127.0.0.1:" + PORT);
        assertThat(client.getClusterDescription().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(2000);
    }
}
