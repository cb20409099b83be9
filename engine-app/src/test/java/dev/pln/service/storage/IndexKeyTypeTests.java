package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.Page;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/**
 * The index key type orders and writes keys exactly as H2's stock type does (else the trees of existing data files
 * would be searched in the wrong order, or read wrongly), also from its remembered bytes, and leaves other keys to
 * it.
 */
class IndexKeyTypeTests {

    static List<KeyValue> keys() {
        Random random = new Random(20261201);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add(new KeyValue(UUID.randomUUID().toString()));
            keys.add(new KeyValue("DX-" + random.nextInt(100_000)));
            keys.add(new KeyValue("王某-" + random.nextInt(1000)));
            keys.add(new KeyValue((long) random.nextInt()));
            keys.add(new KeyValue(random.nextInt(50)));
            keys.add(new KeyValue(random.nextDouble()));
            keys.add(new KeyValue(new ObjectId()));
            keys.add(new KeyValue(List.of("town-" + random.nextInt(5), (long) random.nextInt(10))));
            keys.add(new KeyValue(new Document("town", "黄村镇").append("n", random.nextInt(3))));
        }
        keys.add(new KeyValue(""));
        keys.add(new KeyValue(List.of("a", "b")));
        return keys;
    }

    @Test
    void ordersEveryPairOfKeysAsTheStockTypeDoesAlsoWhenItRemembersTheirBytes() {
        List<KeyValue> keys = keys();
        IndexKeyType fast = new IndexKeyType();
        ObjectDataType stock = new ObjectDataType();
        List<String> wrong = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (KeyValue a : keys) {
                for (KeyValue b : keys) {
                    int expected = Integer.signum(stock.compare(a, b));
                    if (Integer.signum(fast.compare(a, b)) != expected) {
                        wrong.add(a + " vs " + b);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void writesEveryKeyByteForByteAsTheStockTypeDoesAndReadsItBack() {
        IndexKeyType fast = new IndexKeyType();
        ObjectDataType stock = new ObjectDataType();
        for (KeyValue key : keys()) {
            fast.compare(key, key);
            WriteBuffer ours = new WriteBuffer();
            WriteBuffer theirs = new WriteBuffer();
            fast.write(ours, key);
            fast.write(ours, key);
            stock.write(theirs, key);
            stock.write(theirs, key);
            ByteBuffer written = ours.getBuffer().flip();
            assertThat(written).as(key.toString()).isEqualTo(theirs.getBuffer().flip());
            assertThat(stock.read(written)).isEqualTo(key);
        }
    }

    @Test
    void estimatesAKeysMemoryFromItsSizeNotFromTheStockTypesStartingGuess() {
        IndexKeyType fast = new IndexKeyType();
        KeyValue key = new KeyValue("8f0e2a52-6f4c-4d5e-9a51-0c2b8e7d9f10");
        assertThat(fast.getMemory(key)).isEqualTo(2 * ObjectDataType.serialize(key).length).isLessThan(1000);
        assertThat(new ObjectDataType().getMemory(key)).as("the stock type before it wrote a key").isEqualTo(10_000);
    }

    /** With every key counted at 10 kB, as before the estimate was fixed, each leaf held a single key. */
    @Test
    void anIndexMapKeepsManyKeysPerLeafAsWithTheStockType() throws IOException {
        int stock = leaves(new ObjectDataType());
        int fast = leaves(new IndexKeyType());
        assertThat(fast).as("stock: %d leaves", stock).isLessThan(KEYS / 4).isLessThanOrEqualTo(stock * 2);
    }

    static final int KEYS = 3_000;

    /** Leaves of an index map of {@link #KEYS} keys in a data file, committed every 100 keys as the store does. */
    private static int leaves(ObjectDataType keyType) throws IOException {
        Path file = Files.createTempFile(Files.createDirectories(Path.of("target", "test-data")), "leaves-", ".mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).pageSplitSize(4 * 1024).open();
        try {
            MVMap<KeyValue, Object> map = store.openMap("index", new MVMap.Builder<KeyValue, Object>()
                    .keyType(keyType));
            for (int i = 0; i < KEYS; i++) {
                map.put(new KeyValue(UUID.nameUUIDFromBytes(Integer.toString(i).getBytes()).toString()), (long) i);
                if (i % 100 == 99) {
                    store.commit();
                }
            }
            store.commit();
            return leaves(map.getRootPage());
        }
        finally {
            store.close();
            Files.deleteIfExists(file);
        }
    }

    private static int leaves(Page<KeyValue, Object> page) {
        if (page.isLeaf()) {
            return 1;
        }
        int leaves = 0;
        for (int i = 0; i < page.getRawChildPageCount(); i++) {
            leaves += leaves(page.getChildPage(i));
        }
        return leaves;
    }

    @Test
    void aKeyEqualToARememberedOneComparesByItsOwnValue() {
        IndexKeyType fast = new IndexKeyType();
        KeyValue stored = new KeyValue("DX-2020-001");
        KeyValue sought = new KeyValue("DX-2020-001");
        KeyValue other = new KeyValue("DX-2020-002");

        assertThat(fast.compare(stored, other)).isNegative();
        assertThat(fast.compare(sought, stored)).isZero();
        assertThat(fast.compare(other, sought)).isPositive();
    }

    @Test
    void onlyKeysOfPlainValuesHaveTheirBytesRemembered() {
        assertThat(IndexKeyType.plain(new KeyValue(List.of("DX-1", 3L)))).isTrue();
        assertThat(IndexKeyType.plain(new KeyValue(new ObjectId()))).isTrue();
        assertThat(IndexKeyType.plain(new KeyValue(new Document("a", 1)))).isFalse();
        assertThat(IndexKeyType.plain(new KeyValue(List.of(List.of("a"))))).isFalse();
    }

    @Test
    void leavesOtherKeysToTheStockType() {
        IndexKeyType fast = new IndexKeyType();
        ObjectDataType stock = new ObjectDataType();
        assertThat(Integer.signum(fast.compare(3L, 7L))).isEqualTo(Integer.signum(stock.compare(3L, 7L)));
        assertThat(Integer.signum(fast.compare("b", "a"))).isEqualTo(Integer.signum(stock.compare("b", "a")));
        assertThat(Integer.signum(fast.compare(new KeyValue("a"), "a")))
                .isEqualTo(Integer.signum(stock.compare(new KeyValue("a"), "a")));
    }
}
