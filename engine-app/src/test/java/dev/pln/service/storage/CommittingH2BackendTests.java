package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommittingH2BackendTests {

    @ParameterizedTest
    @ValueSource(strings = { "insert", "update", "delete", "findAndModify", "findandmodify", "createIndexes",
            "dropIndexes", "create", "drop", "dropDatabase", "renameCollection", "someFutureCommand" })
    void commitsAfterCommandsThatMayWrite(String command) {
        assertThat(CommittingH2Backend.writes(command, new Document(command, "probes"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "find", "getMore", "count", "distinct", "listIndexes", "hello", "isMaster", "ping",
            "endSessions", "killCursors" })
    void doesNotCommitAfterReads(String command) {
        assertThat(CommittingH2Backend.writes(command, new Document(command, "probes"))).isFalse();
    }

    @Test
    void commitsAfterAnAggregationOnlyWhenItWritesItsOutput() {
        Document grouping = new Document("aggregate", "probes")
                .append("pipeline", List.of(new Document("$group", new Document("_id", "$value"))));
        Document merging = new Document("aggregate", "probes").append("pipeline",
                List.of(new Document("$match", new Document()), new Document("$merge", "totals")));

        assertThat(CommittingH2Backend.writes("aggregate", grouping)).isFalse();
        assertThat(CommittingH2Backend.writes("aggregate", merging)).isTrue();
    }
}
