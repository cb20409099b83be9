package dev.pln.service.storage;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Store health by a {@code ping} on the admin database, which real MongoDB and the embedded server both
 * answer (Boot's default sends {@code hello} to the application database, which the embedded server
 * rejects once that database exists). Replaces Boot's indicator by taking its bean name.
 */
@Component("mongoHealthContributor")
class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;

    StoreHealthIndicator(MongoClient client) {
        super("Store health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.up();
    }
}
