package dev.pln.service.storage;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Storage set-up common to the embedded and a real MongoDB: driver timeouts, and which store is in use. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    MongoClientTimeouts mongoClientTimeouts(StorageSettings settings) {
        return new MongoClientTimeouts(settings);
    }

    @Bean
    SmartInitializingSingleton storeInUseReport(ObjectProvider<EmbeddedMongoStore> embedded,
            ObjectProvider<MongoConnectionDetails> connectionDetails) {
        return () -> {
            EmbeddedMongoStore store = embedded.getIfAvailable();
            if (store != null) {
                log.info("Storage: embedded MongoDB-wire server on {}:{}, data file {} (no MongoDB URI configured); "
                        + "it answers only the service and tools with the connection string in {}",
                        EmbeddedMongoStore.HOST, store.port(), store.dataFile(),
                        store.dataFile().resolveSibling(EmbeddedMongoStore.URI_FILE));
                return;
            }
            MongoConnectionDetails details = connectionDetails.getIfAvailable();
            if (details != null) {
                log.info("Storage: MongoDB at {}", describe(details.getConnectionString()));
            }
        };
    }

    /** Hosts, database and replica set of a connection string: never its credentials or options. */
    static String describe(ConnectionString uri) {
        StringBuilder description = new StringBuilder(String.join(",", uri.getHosts()));
        if (uri.getDatabase() != null) {
            description.append(", database ").append(uri.getDatabase());
        }
        if (uri.getRequiredReplicaSetName() != null) {
            description.append(", replica set ").append(uri.getRequiredReplicaSetName());
        }
        return description.toString();
    }
}
