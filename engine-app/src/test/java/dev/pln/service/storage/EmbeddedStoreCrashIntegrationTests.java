package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Kills a real writer process with SIGKILL and checks that every write it saw acknowledged is in its data file. */
class EmbeddedStoreCrashIntegrationTests {

    static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @Test
    void keepsEveryAcknowledgedWriteWhenTheProcessIsKilled() throws IOException {
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "test-data")), "crash-");
        List<String> acknowledged;
        try (ChildJvm writer = ChildJvm.start(AcknowledgingWriter.class, List.of("-XX:TieredStopAtLevel=1"),
                dataDir.toString(), "1000000")) {
            writer.awaitLines(line -> line.startsWith(AcknowledgingWriter.ACK), ACKNOWLEDGED_BEFORE_KILL,
                    Duration.ofSeconds(15));
            acknowledged = writer.kill(Duration.ofSeconds(10)).stream()
                    .filter(line -> line.startsWith(AcknowledgingWriter.ACK))
                    .map(line -> line.substring(AcknowledgingWriter.ACK.length()))
                    .toList();
            assertThat(writer.process().exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
        assertThat(storedIds(dataDir)).containsAll(acknowledged);
    }

    static List<String> storedIds(Path dataDir) {
        EmbeddedMongoStore reopened = new EmbeddedMongoStore(dataDir.resolve("pln.mv.db"), 0);
        reopened.start();
        try (MongoClient client = ServiceClient.of(reopened)) {
            List<String> ids = new ArrayList<>();
            client.getDatabase(EmbeddedStoreConfiguration.DEFAULT_DATABASE).getCollection("storageProbes")
                    .find().projection(new Document("_id", 1))
                    .forEach(document -> ids.add(document.getString("_id")));
            return ids;
        }
        finally {
            reopened.stop();
        }
    }
}
