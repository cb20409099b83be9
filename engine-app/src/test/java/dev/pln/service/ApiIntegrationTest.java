package dev.pln.service;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a random port over the shared {@link InMemoryStore}, emptied before every test, with a real
 * HTTP client. Test classes that extend it without further configuration share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiIntegrationTest {

    /** The interim admin token the shared context is configured with. */
    protected static final String ADMIN_TOKEN = "test-admin-token";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        InMemoryStore.register(registry);
        // These tests exercise the contract's behaviour, not who may call it: the explicit opt-out. Credentials,
        // roles and jurisdictions are tested with the default (security on) in the security package.
        registry.add("pln.security.enabled", () -> "false");
        registry.add("pln.admin-token", () -> ADMIN_TOKEN);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    protected ApiClient api;

    @BeforeEach
    void startFromAnEmptyStore() {
        api = new ApiClient(port);
        mongo.getDb().drop();
    }
}
