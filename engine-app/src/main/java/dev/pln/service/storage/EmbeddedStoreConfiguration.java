package dev.pln.service.storage;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Starts the embedded store when no MongoDB is configured and points Boot's MongoDB client at it. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedStoreCondition.class)
class EmbeddedStoreConfiguration {

    static final String DEFAULT_DATABASE = "pln";

    @Bean(destroyMethod = "stop")
    EmbeddedMongoStore embeddedMongoStore(StorageSettings settings) {
        int port = settings.embeddedPort() == null ? 0 : settings.embeddedPort();
        EmbeddedMongoStore store = new EmbeddedMongoStore(settings.dataFile(), port);
        store.start();
        return store;
    }

    /** Replaces the connection details Boot would derive from {@code spring.mongodb.*}, so the real driver is used. */
    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoStore store, Environment environment) {
        String database = environment.getProperty("spring.mongodb.database", DEFAULT_DATABASE);
        return () -> store.connectionString(database);
    }

    /**
     * Gives Boot's MongoDB client the store's credential: kept out of the connection string, whose text (with the
     * password in it) could end up in a log or an error message.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer embeddedStoreCredential(EmbeddedMongoStore store) {
        return builder -> builder.credential(store.credential());
    }
}
