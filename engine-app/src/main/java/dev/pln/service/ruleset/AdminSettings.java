package dev.pln.service.ruleset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared secret that guards the rule set write endpoints until user roles exist ({@code pln.admin-token},
 * env {@code PLN_ADMIN_TOKEN}); without one, those endpoints stay closed.
 */
@ConfigurationProperties("pln")
record AdminSettings(String adminToken) {

    boolean configured() {
        return adminToken != null && !adminToken.isBlank();
    }
}
