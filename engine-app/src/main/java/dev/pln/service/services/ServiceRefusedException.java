package dev.pln.service.services;

import java.util.Map;

/**
 * A service or follow-up the rules do not allow for this client now (not tiered, or the level may not receive
 * the measure); answered 422 with the measure, level and forbidding rule as problem properties.
 */
class ServiceRefusedException extends RuntimeException {

    private final transient Map<String, Object> properties;

    ServiceRefusedException(String detail, Map<String, Object> properties) {
        super(detail);
        this.properties = Map.copyOf(properties);
    }

    Map<String, Object> properties() {
        return properties;
    }
}
