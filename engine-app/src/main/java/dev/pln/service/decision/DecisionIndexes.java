package dev.pln.service.decision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.stereotype.Component;

/**
 * Declares the indexes of the {@code decisions} collection for the list queries. The hot path (posting a
 * decision) uses only {@code _id}; the embedded store ignores these non-unique indexes and scans instead.
 */
@Component
class DecisionIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DecisionIndexes.class);

    private final MongoTemplate mongo;

    DecisionIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            IndexOperations indexes = mongo.indexOps(DecisionDocument.class);
            indexes.createIndex(new Index().on("clientId", Direction.ASC).on("decidedAt", Direction.DESC)
                    .named("client_newest_first"));
            indexes.createIndex(new Index().on("decidedAt", Direction.DESC).on("_id", Direction.DESC)
                    .named("newest_first"));
            indexes.createIndex(new Index().on("status", Direction.ASC).on("level", Direction.ASC)
                    .on("decidedAt", Direction.DESC).named("status_level_newest_first"));
        }
        catch (DataAccessResourceFailureException storeDown) {
            // Indexes only speed up lists; the service starts and serves, and the next start creates them.
            log.warn("Decision indexes not created, the store is unreachable; they are created on the next start");
        }
    }
}
