package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "pln.storage.data-dir=target/test-data/${random.uuid}")
class EmbeddedStoreIntegrationTests extends StorageContract {

    @Autowired
    EmbeddedMongoStore store;

    @Autowired
    MongoClient client;

    @Test
    void startsOnLoopbackWithItsDataFileWhenNoUriIsConfigured() {
        assertThat(store.dataFile()).exists().hasFileName("pln.mv.db");
        assertThat(client.getClusterDescription().getClusterSettings().getHosts())
                .extracting(address -> address.getHost() + ":" + address.getPort())
                .containsExactly("127.0.0.1:" + store.port());
        assertThat(mongo.getDb().getName()).isEqualTo("pln");
    }
}
