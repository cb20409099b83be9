package dev.pln.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditFilterTests {

    @Test
    void recordsWritesAndReadsOfOneClient() {
        assertThat(AuditFilter.action("POST", "/api/v1/decisions", false)).isEqualTo("WRITE");
        assertThat(AuditFilter.action("POST", "/api/v1/rulesets/2026.2/activate", false)).isEqualTo("WRITE");
        assertThat(AuditFilter.action("POST", "/review/decisions/d1/flags", false)).isEqualTo("WRITE");
        assertThat(AuditFilter.action("GET", "/api/v1/clients/DX-1", false)).isEqualTo("READ_PERSONAL_DATA");
        assertThat(AuditFilter.action("GET", "/api/v1/clients/DX-1/decisions", false))
                .isEqualTo("READ_PERSONAL_DATA");
        assertThat(AuditFilter.action("GET", "/api/v1/decisions/d1", false)).isEqualTo("READ_PERSONAL_DATA");
        assertThat(AuditFilter.action("GET", "/api/v1/decisions", true)).isEqualTo("READ_PERSONAL_DATA");
        assertThat(AuditFilter.action("POST", "/api/v1/decisions/d1/replay", false))
                .isEqualTo("READ_PERSONAL_DATA");
        assertThat(AuditFilter.action("GET", "/review/decisions/d1/sheet", false)).isEqualTo("READ_PERSONAL_DATA");
    }

    @Test
    void leavesOutWhatChangesNothingAndShowsNoSingleClient() {
        assertThat(AuditFilter.action("POST", "/api/v1/decisions/preview", false)).isNull();
        assertThat(AuditFilter.action("GET", "/api/v1/decisions", false)).isNull();
        assertThat(AuditFilter.action("GET", "/api/v1/reports/outcomes", false)).isNull();
        assertThat(AuditFilter.action("GET", "/review/decisions", false)).isNull();
        assertThat(AuditFilter.action("GET", "/api/v1/rulesets/active", false)).isNull();
        assertThat(AuditFilter.action("OPTIONS", "/api/v1/decisions", false)).isNull();
    }

    @Test
    void theActorIsTheHeaderOrAnonymous() {
        assertThat(AuditFilter.actor(null)).isEqualTo("anonymous");
        assertThat(AuditFilter.actor(" cw-1 ")).isEqualTo("cw-1");
        assertThat(AuditFilter.actor("x".repeat(65))).isEqualTo("invalid-actor-header");
    }
}
