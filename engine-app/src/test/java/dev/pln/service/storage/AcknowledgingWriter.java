package dev.pln.service.storage;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import org.bson.Document;

/**
 * Run in a child JVM by the crash test: starts the embedded store the way the application does, then inserts
 * documents one at a time and prints {@code ACK <id>} once each insert has been acknowledged, until killed.
 * Arguments: the data directory and how many documents to insert at most.
 */
final class AcknowledgingWriter {

    static final String READY = "READY";
    static final String ACK = "ACK ";

    public static void main(String[] args) {
        StorageSettings settings = new StorageSettings(Path.of(args[0]), null, true, Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(10));
        int count = Integer.parseInt(args[1]);
        EmbeddedMongoStore store = new EmbeddedStoreConfiguration().embeddedMongoStore(settings);
        MongoClientSettings.Builder clientSettings = MongoClientSettings.builder();
        new MongoClientTimeouts(settings).customize(clientSettings);
        clientSettings.applyConnectionString(store.connectionString(EmbeddedStoreConfiguration.DEFAULT_DATABASE))
                .credential(store.credential());
        try (MongoClient client = MongoClients.create(clientSettings.build())) {
            MongoCollection<Document> probes = client.getDatabase(EmbeddedStoreConfiguration.DEFAULT_DATABASE)
                    .getCollection("storageProbes");
            System.out.println(READY);
            for (int i = 0; i < count; i++) {
                String id = "ack-" + i;
                probes.insertOne(new Document("_id", id).append("value", "written before the kill"));
                System.out.println(ACK + id);
            }
        }
        store.stop();
    }
}
