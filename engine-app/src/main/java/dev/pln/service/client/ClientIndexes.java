package dev.pln.service.client;

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
 * The indexes of the client records, declared in code: where a client is recorded (town, village), which the
 * impact preview of a town's policy officer selects by. The embedded store ignores non-unique indexes and scans
 * instead.
 */
@Component
class ClientIndexes implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ClientIndexes.class);

    private final MongoTemplate mongo;

    ClientIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            IndexOperations indexes = mongo.indexOps(ClientDocument.class);
            indexes.createIndex(new Index().on("facts.jurisdiction.town", Direction.ASC)
                    .on("facts.jurisdiction.village", Direction.ASC).named("jurisdiction"));
        }
        catch (DataAccessResourceFailureException storeDown) {
            // The index only speeds up previews; the service starts and serves, and the next start creates it.
            log.warn("Client index not created, the store is unreachable; it is created on the next start");
        }
    }
}
