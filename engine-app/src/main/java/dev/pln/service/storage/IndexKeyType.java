package dev.pln.service.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes: H2's {@link ObjectDataType}, which the backend uses by
 * default and which stays the format on disk, with a faster comparison of two index keys. The stock type orders
 * index keys (not {@code Comparable}) by their Java-serialized bytes and serializes both keys again for every
 * comparison — dozens of serializations per look-up, which were a quarter of the service's CPU time under load.
 * This type keeps exactly that order and that format, so data files written before stay readable and their
 * trees stay valid, but serializes each key of plain values once and remembers its bytes for as long as the key
 * object lives — for comparing, and for writing the key again with every commit of a page that holds it.
 */
final class IndexKeyType extends ObjectDataType {

    /** Serialized bytes by key; a key whose page left the cache is forgotten with it. */
    private final Map<KeyValue, byte[]> serialized = new WeakHashMap<>();

    /** How the stock type tags a serialized object on disk: this byte, the length, the bytes. */
    private static final byte SERIALIZED_OBJECT = 19;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue first && b instanceof KeyValue second) {
            return a == b ? 0 : compareNotNull(bytes(first), bytes(second));
        }
        return super.compare(a, b);
    }

    /**
     * Writes a key as the stock type does (its tag, the length, the serialized bytes), from the remembered bytes:
     * every commit writes the changed pages whole, every key in them again.
     */
    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (key instanceof KeyValue indexKey && plain(indexKey)) {
            byte[] data = bytes(indexKey);
            buffer.put(SERIALIZED_OBJECT).putVarInt(data.length).put(data);
            return;
        }
        super.write(buffer, key);
    }

    /**
     * The memory a key takes, for the page cache and the write heuristics: twice its serialized size, which the
     * stock type's running average of written keys converges to (it starts at 10 kB a key and moves only when a
     * key is written by it, which {@link #write} no longer does).
     */
    @Override
    public int getMemory(Object key) {
        if (key instanceof KeyValue indexKey && plain(indexKey)) {
            return 2 * bytes(indexKey).length;
        }
        return super.getMemory(key);
    }

    private byte[] bytes(KeyValue key) {
        if (!plain(key)) {
            return serialize(key);
        }
        synchronized (serialized) {
            return serialized.computeIfAbsent(key, ObjectDataType::serialize);
        }
    }

    /**
     * Whether the key holds only values whose equal instances serialize to equal bytes (ids, strings, numbers),
     * so that the bytes remembered for one key serve every key equal to it. A key holding a document or a list
     * (equal in another field order) is serialized afresh each time, as before.
     */
    static boolean plain(KeyValue key) {
        for (Object value : key) {
            if (!(value instanceof String || value instanceof Integer || value instanceof Long
                    || value instanceof Double || value instanceof Boolean || value instanceof ObjectId
                    || value instanceof UUID || value instanceof Instant || value instanceof Date)) {
                return false;
            }
        }
        return true;
    }
}
