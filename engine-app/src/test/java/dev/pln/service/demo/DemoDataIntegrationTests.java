package dev.pln.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.ApiClient;
import dev.pln.service.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "pln.demo.load=true",
        "pln.security.enabled=false" })
class DemoDataIntegrationTests {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        InMemoryStore.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DemoData demo;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyStore() {
        // The store is shared by the test JVM: start from nothing, as a fresh installation does.
        mongo.getDb().drop();
    }

    @Test
    void freshStartWithTheDemoOptionShowsAPopulatedReportAndLoadingAgainStoresNothingTwice() throws Exception {
        demo.run(null);
        demo.run(null);

        ApiClient api = new ApiClient(port);
        JsonNode total = api.get("/api/v1/reports/outcomes").json().get("total");
        assertThat(total.get("served").asInt()).isEqualTo(4);
        assertThat(total.get("employed").asInt()).isEqualTo(4);
        assertThat(total.get("employmentRatePercent").asDouble()).isEqualTo(100.0);
        assertThat(total.get("medianDaysToJob").asDouble()).isEqualTo(23.5);
        assertThat(total.get("measuresDelivered").get("N3").asInt()).isEqualTo(4);
        assertThat(api.get("/api/v1/clients/DX-2020-001").json().get("services").size()).isEqualTo(4);
    }
}
