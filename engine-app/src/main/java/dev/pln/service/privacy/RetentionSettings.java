package dev.pln.service.privacy;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When closed cases are pseudonymised ({@code pln.retention.*}).
 *
 * @param pseudonymiseAfter how long after a case closes its personal data is pseudonymised (ISO-8601, e.g.
 *        {@code P2Y})
 * @param sweepInterval how often the service looks for such cases; the first look is one interval after start;
 *        {@code 0} turns the sweep off (the admin endpoint still runs it)
 */
@ConfigurationProperties("pln.retention")
record RetentionSettings(@DefaultValue("P2Y") Period pseudonymiseAfter, @DefaultValue("6h") Duration sweepInterval) {
}
