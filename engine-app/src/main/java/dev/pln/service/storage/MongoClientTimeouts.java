package dev.pln.service.storage;

import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * Short driver timeouts, so that an unreachable store fails a request within seconds (the HTTP layer answers 503)
 * instead of after the driver's 30-second default; the driver reconnects by itself once the store is back.
 */
final class MongoClientTimeouts implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final StorageSettings settings;

    MongoClientTimeouts(StorageSettings settings) {
        this.settings = settings;
    }

    @Override
    public void customize(MongoClientSettings.Builder builder) {
        builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        settings.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(settings.socketTimeout().toMillis()), TimeUnit.MILLISECONDS));
    }

    /** Before Boot applies the connection string, so that options written in the URI win over these. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
