package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.ApplicationContext;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The storage contract against a real MongoDB in a container; skipped where there is no Docker. */
@Testcontainers(disabledWithoutDocker = true)
// The container's URL names the database "test"; the service's is "pln". Without pln.storage.embedded=false the
// embedded store would start too (no URI is set) and there would be two MongoConnectionDetails beans.
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
        properties = { "pln.storage.embedded=false", "spring.mongodb.database=pln" })
class MongoContainerStorageIntegrationTests extends StorageContract {

    /** The image, pinned; {@code -Dpln.test.mongo-image=mongo:8.0.x} tries another. */
    @Container
    @ServiceConnection
    static final MongoDBContainer MONGO = new MongoDBContainer(System.getProperty("pln.test.mongo-image", "mongo:8.0"));

    @Autowired
    ApplicationContext context;

    @Test
    void startsNoEmbeddedStore() {
        assertThat(context.getBeanNamesForType(EmbeddedMongoStore.class)).isEmpty();
    }
}
