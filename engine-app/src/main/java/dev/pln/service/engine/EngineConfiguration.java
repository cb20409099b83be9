package dev.pln.service.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the engine once at start-up on the built-in rule set from the class path. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EngineConfiguration.class);

    @Bean
    DecisionEngine decisionEngine() {
        Ruleset builtIn = Ruleset.fromClasspath(EngineConfiguration.class.getClassLoader());
        log.info("Rule set {} loaded ({} DRL files, {})", builtIn.identity().releaseId(), builtIn.sources().size(),
                builtIn.identity().checksum());
        return new DecisionEngine(builtIn);
    }
}
