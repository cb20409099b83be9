package dev.pln.service.storage;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A database of the embedded store whose unique indexes compare their keys with {@link IndexKeyType}; maps,
 * their names and their format on disk are the backend's own, so a data file moves freely between the two.
 */
final class FastIndexH2Database extends H2Database {

    /** The store of the database being constructed: the super constructor already opens the indexes. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    /** Null while the super constructor runs. */
    private final MVStore store;

    private FastIndexH2Database(String name, MVStore store, CursorRegistry cursors) {
        super(name, store, cursors);
        this.store = store;
    }

    static FastIndexH2Database open(String name, MVStore store, CursorRegistry cursors) {
        OPENING.set(store);
        try {
            return new FastIndexH2Database(name, store, cursors);
        }
        finally {
            OPENING.remove();
        }
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVStore mvStore = store != null ? store : OPENING.get();
        // The backend's name for an index map (H2Database.mapNameForIndex).
        String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        MVMap<KeyValue, Object> map = mvStore.openMap(mapName,
                new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
        return new StoredUniqueIndex(map, indexName, keys, sparse);
    }
}
