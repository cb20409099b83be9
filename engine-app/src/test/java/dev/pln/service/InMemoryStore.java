package dev.pln.service;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One in-memory MongoDB-wire server for the HTTP contract tests, shared by the test JVM. Storage behaviour
 * on the real embedded default (H2 file) and on real MongoDB is tested in the storage package.
 */
public final class InMemoryStore {

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final InetSocketAddress ADDRESS = SERVER.bind();

    private InMemoryStore() {
    }

    /** Points the application under test at this server, with a short server-selection timeout. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", InMemoryStore::uri);
    }

    public static String uri() {
        return "mongodb://127.0.0.1:" + ADDRESS.getPort() + "/pln?serverSelectionTimeoutMS=2000";
    }
}
