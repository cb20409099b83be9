package dev.pln.service.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared secret that guards the administrative endpoints until user roles exist ({@code pln.admin-token},
 * env {@code PLN_ADMIN_TOKEN}): rule set changes and the audit trail. Without one, those endpoints stay closed.
 */
@ConfigurationProperties("pln")
record AdminSettings(String adminToken) {

    boolean configured() {
        return adminToken != null && !adminToken.isBlank();
    }
}
