package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * What the service relies on from whichever store it is connected to; run against the embedded store everywhere
 * and against a real MongoDB where Docker exists.
 */
abstract class StorageContract {

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void startWithoutProbes() {
        mongo.dropCollection(StoredProbe.class);
    }

    @Test
    void readsBackWhatSpringDataWrote() {
        StoredProbe written = mongo.insert(new StoredProbe("p-1", "陶某某"));

        assertThat(mongo.findById("p-1", StoredProbe.class)).isEqualTo(written);
    }

    @Test
    void rejectsASecondDocumentWithTheSameUniqueKey() {
        // Idempotency keys and natural keys rely on this: the embedded store enforces unique indexes too.
        mongo.indexOps(StoredProbe.class).createIndex(new Index("value", Sort.Direction.ASC).unique());
        mongo.insert(new StoredProbe("p-1", "idempotency-key-1"));

        assertThatExceptionOfType(DuplicateKeyException.class)
                .isThrownBy(() -> mongo.insert(new StoredProbe("p-2", "idempotency-key-1")));
        assertThat(mongo.findAll(StoredProbe.class)).extracting(StoredProbe::id).containsExactly("p-1");
    }
}
