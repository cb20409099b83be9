package dev.pln.service.ruleset;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rule set settings under {@code pln.rulesets}; see {@code docs/api-rulesets.md}.
 *
 * @param pollInterval how often each instance reads the active version from the store (replicas converge
 *        within about this time)
 * @param impactJobThreshold above this many stored clients an impact preview runs as a job (202 + Location)
 * @param impactExamples how many changed clients an impact report lists as examples
 * @param jobsKept how many finished jobs the in-memory job registry remembers
 */
@ConfigurationProperties("pln.rulesets")
record RulesetSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("2000") int impactJobThreshold,
        @DefaultValue("20") int impactExamples, @DefaultValue("100") int jobsKept) {
}
