package dev.pln.service.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One rule firing, in firing order, with the metadata the explanation is built from and the values its
 * bindings matched (binding names without the leading {@code $}).
 */
public record FiredRule(int order, String ruleId, String rule, @JsonProperty("package") String packageName, String reason,
        String policyRef, Map<String, Object> matched) {
}
