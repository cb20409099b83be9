package dev.pln.service.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pln.security.*}.
 *
 * @param enabled whether credentials are required (env {@code PLN_SECURITY_ENABLED}); {@code false} only as an
 *        explicit opt-out
 * @param maxFailedLogins failed logins in a row after which an account is locked
 * @param lockFor how long a locked account stays locked
 * @param rolesClaim the JWT claim that lists roles, when an identity provider is configured
 * @param jurisdictionClaim the JWT claim holding {@code {"town", "village"}}; absent means the whole district
 */
@ConfigurationProperties("pln.security")
record SecuritySettings(@DefaultValue("true") boolean enabled, @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockFor, @DefaultValue("roles") String rolesClaim,
        @DefaultValue("jurisdiction") String jurisdictionClaim) {
}
