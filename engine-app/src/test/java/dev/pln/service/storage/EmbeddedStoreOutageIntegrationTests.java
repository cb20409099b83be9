package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The store goes away and comes back on the same port: requests fail fast with a resource failure (which the HTTP
 * layer answers with 503) and succeed again without a restart of the application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "pln.storage.data-dir=target/test-data/${random.uuid}")
class EmbeddedStoreOutageIntegrationTests {

    @Autowired
    EmbeddedMongoStore store;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoClient client;

    @AfterEach
    void storeIsBack() {
        store.start();
    }

    @Test
    void usesAShortServerSelectionTimeout() {
        assertThat(client.getClusterDescription().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
                .isEqualTo(2000);
    }

    @Test
    @Timeout(60) // a guard against the driver's defaults (30 s per attempt) coming back, not a measurement
    void failsWhileTheStoreIsDownAndRecoversWhenItIsBack() {
        mongo.save(new StoredProbe("p-1", "before the outage"));
        int port = store.port();

        store.stop();
        // The first attempt may fail on a pooled connection the server closed; later ones fail server selection.
        assertThatExceptionOfType(DataAccessResourceFailureException.class)
                .isThrownBy(() -> mongo.save(new StoredProbe("p-2", "during the outage")));
        assertThatExceptionOfType(DataAccessResourceFailureException.class)
                .isThrownBy(() -> mongo.findById("p-1", StoredProbe.class))
                .withRootCauseInstanceOf(MongoTimeoutException.class);

        store.start();
        assertThat(store.port()).isEqualTo(port);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(DataAccessResourceFailureException.class)
                .until(() -> mongo.save(new StoredProbe("p-3", "after the outage")) != null);

        assertThat(mongo.findAll(StoredProbe.class)).extracting(StoredProbe::id).contains("p-1", "p-3");
    }
}
