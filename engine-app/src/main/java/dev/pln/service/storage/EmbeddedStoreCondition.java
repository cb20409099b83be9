package dev.pln.service.storage;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no MongoDB is configured and the embedded store is not switched off. */
class EmbeddedStoreCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("Embedded MongoDB store");
        Environment environment = context.getEnvironment();
        if (!environment.getProperty("pln.storage.embedded", Boolean.class, true)) {
            return ConditionOutcome.noMatch(message.because("pln.storage.embedded is false"));
        }
        // A host without a URI also names a real server: starting an empty embedded store instead would hide the mistake.
        for (String property : new String[] { "spring.mongodb.uri", "spring.mongodb.host" }) {
            if (StringUtils.hasText(environment.getProperty(property))) {
                return ConditionOutcome.noMatch(message.because(property + " is set"));
            }
        }
        return ConditionOutcome.match(message.because("no spring.mongodb.uri or spring.mongodb.host is set"));
    }
}
