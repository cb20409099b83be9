package dev.pln.service.demo;

import dev.pln.service.decision.ClientFactsRequest;
import dev.pln.service.decision.Decisions;
import dev.pln.service.services.Casework;
import dev.pln.service.services.FollowUpRequest;
import dev.pln.service.services.ServiceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the worked cases at start-up (decision, each service in the case's order, the follow-up that found the
 * client employed). Every write carries a fixed Idempotency-Key, so loading again on a later start stores nothing twice.
 */
@Component
@ConditionalOnBooleanProperty("pln.demo.load")
class DemoData implements ApplicationRunner {

    static final String SCRIPT = "demo/casework.json";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Decisions decisions;
    private final Casework casework;
    private final JsonMapper json;

    DemoData(Decisions decisions, Casework casework, JsonMapper json) {
        this.decisions = decisions;
        this.casework = casework;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        JsonNode script = read(SCRIPT);
        int cases = 0;
        for (JsonNode kase : script.get("cases")) {
            String fixture = kase.get("fixture").asString();
            String clientId = kase.get("clientId").asString();
            JsonNode facts = read("fixtures/worked-cases/" + fixture + ".json").get("request");
            decisions.decide(json.treeToValue(facts, ClientFactsRequest.class), "demo-" + fixture + "-decision");
            int n = 0;
            for (JsonNode service : kase.get("services")) {
                casework.deliver(clientId, json.treeToValue(service, ServiceRequest.class),
                        "demo-" + fixture + "-service-" + ++n);
            }
            n = 0;
            for (JsonNode followUp : kase.get("followUps")) {
                casework.followUp(clientId, json.treeToValue(followUp, FollowUpRequest.class),
                        "demo-" + fixture + "-follow-up-" + ++n);
            }
            cases++;
        }
        log.info("Demo data set loaded: {} worked cases", cases);
    }

    private JsonNode read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
