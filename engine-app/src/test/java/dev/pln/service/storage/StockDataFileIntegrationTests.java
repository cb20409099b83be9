package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;

/**
 * A data file moves freely between the backend's stock index type and ours: what one wrote, the other finds by
 * every unique index, and still refuses duplicates of.
 */
class StockDataFileIntegrationTests {

    static final int DOCUMENTS = 3_000;

    @Test
    void whatTheStockBackendWroteOurStoreFindsAndTheOtherWayRound() throws IOException {
        Path file = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "stock-")
                .resolve("pln.mv.db");

        MVStore stockStore = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer stock = new MongoServer(new H2Backend(stockStore));
        try (MongoClient client = MongoClients.create("mongodb://" + address(stock.bind()))) {
            MongoCollection<Document> keys = client.getDatabase("pln").getCollection("apiKeys");
            keys.createIndex(Indexes.ascending("keyHash"), new IndexOptions().unique(true));
            keys.insertMany(documents(0, DOCUMENTS));
        }
        finally {
            stock.shutdownNow();
            stockStore.close();
        }

        EmbeddedMongoStore ours = new EmbeddedMongoStore(file, 0);
        ours.start();
        try (MongoClient client = ServiceClient.of(ours)) {
            MongoCollection<Document> keys = client.getDatabase("pln").getCollection("apiKeys");
            for (int i = 0; i < DOCUMENTS; i += 7) {
                assertThat(keys.find(new Document("_id", "key-" + i)).first()).as("key-" + i).isNotNull();
                assertThat(keys.find(new Document("keyHash", "hash-" + i)).first()).as("hash-" + i).isNotNull();
            }
            assertThatThrownBy(() -> keys.insertOne(new Document("_id", "key-new").append("keyHash", "hash-42")))
                    .isInstanceOf(MongoWriteException.class);
            keys.insertMany(documents(DOCUMENTS, 2 * DOCUMENTS));
        }
        finally {
            ours.stop();
        }

        MVStore againStore = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer again = new MongoServer(new H2Backend(againStore));
        try (MongoClient client = MongoClients.create("mongodb://" + address(again.bind()))) {
            MongoCollection<Document> keys = client.getDatabase("pln").getCollection("apiKeys");
            for (int i = 0; i < 2 * DOCUMENTS; i += 11) {
                assertThat(keys.find(new Document("keyHash", "hash-" + i)).first()).as("hash-" + i).isNotNull();
            }
            assertThat(keys.countDocuments()).isEqualTo(2L * DOCUMENTS);
        }
        finally {
            again.shutdownNow();
            againStore.close();
        }
    }

    private static List<Document> documents(int from, int to) {
        List<Document> documents = new ArrayList<>();
        for (int i = from; i < to; i++) {
            documents.add(new Document("_id", "key-" + i).append("keyHash", "hash-" + i).append("name", "n" + i));
        }
        return documents;
    }

    private static String address(java.net.InetSocketAddress bound) {
        return bound.getHostString() + ":" + bound.getPort();
    }
}
