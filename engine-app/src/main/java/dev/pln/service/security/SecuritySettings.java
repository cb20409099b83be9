package dev.pln.service.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pln.security.*}.
 *
 * @param enabled whether credentials are required (env {@code PLN_SECURITY_ENABLED}); {@code false} only as an
 *        explicit opt-out
 * @param maxFailedLogins failed logins in a row after which an address is shut out of an account
 * @param lockFor the window failed logins are counted in; they count for one to two windows
 * @param rolesClaim the JWT claim that lists roles, when an identity provider is configured
 * @param jurisdictionClaim the JWT claim holding {@code {"town", "village"}}; absent means the whole district
 * @param maxFailedLoginsPerAddress failed logins on any accounts after which an address is shut out of all
 * @param maxFailedLoginsPerAccount failed logins from any addresses after which an account is shut to all
 */
@ConfigurationProperties("pln.security")
record SecuritySettings(@DefaultValue("true") boolean enabled, @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockFor, @DefaultValue("roles") String rolesClaim,
        @DefaultValue("jurisdiction") String jurisdictionClaim, @DefaultValue("50") int maxFailedLoginsPerAddress,
        @DefaultValue("100") int maxFailedLoginsPerAccount) {
}
