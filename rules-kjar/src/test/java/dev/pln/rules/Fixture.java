package dev.pln.rules;

import tools.jackson.databind.JsonNode;

/**
 * One shared test case from {@code fixtures/}: a request body exactly as an intake system would post it,
 * and the outcome the rules must give. Used by the rule tests here and the service tests in engine-app.
 */
public record Fixture(String id, String description, JsonNode request, JsonNode expected) {

    @Override
    public String toString() {
        return id;
    }
}
