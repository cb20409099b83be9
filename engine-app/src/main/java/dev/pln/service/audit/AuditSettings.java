package dev.pln.service.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pln.audit.*}.
 *
 * @param key the secret the trail is sealed with (env {@code PLN_AUDIT_KEY}), at least 32 characters; empty or
 *        unset, the key generated on the first start into {@code <pln.storage.data-dir>/audit-key} is used
 */
@ConfigurationProperties("pln.audit")
record AuditSettings(String key) {

    boolean keyConfigured() {
        return key != null && !key.isBlank();
    }
}
