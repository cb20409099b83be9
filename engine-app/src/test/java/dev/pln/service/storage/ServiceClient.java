package dev.pln.service.storage;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** Opens a driver connection to an embedded store as the service does: with the store's credential. */
final class ServiceClient {

    private ServiceClient() {
    }

    static MongoClient of(EmbeddedMongoStore store) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(store.connectionString(EmbeddedStoreConfiguration.DEFAULT_DATABASE))
                .credential(store.credential())
                .build());
    }
}
