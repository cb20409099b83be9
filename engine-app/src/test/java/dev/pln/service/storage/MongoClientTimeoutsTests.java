package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MongoClientTimeoutsTests {

    static final StorageSettings DEFAULTS = new StorageSettings(Path.of("data"), null, true, Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void failsFastWhenTheUriSaysNothingAboutTimeouts() {
        MongoClientSettings settings = settings("mongodb://mongo:27017/pln?replicaSet=rs0&w=majority");

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(10_000);
    }

    @Test
    void letsTimeoutsWrittenInTheUriWin() {
        MongoClientSettings settings = settings("mongodb://mongo:27017/pln?serverSelectionTimeoutMS=5000&socketTimeoutMS=0");

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5000);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isZero();
    }

    /** Applies the customizers in the order Boot does: this one first, then Boot's, which applies the URI. */
    private static MongoClientSettings settings(String uri) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        new MongoClientTimeouts(DEFAULTS).customize(builder);
        builder.applyConnectionString(new ConnectionString(uri));
        return builder.build();
    }
}
