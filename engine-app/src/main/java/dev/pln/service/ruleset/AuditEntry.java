package dev.pln.service.ruleset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One audited act on a rule set version: who, when, what, why, and on which exact sources (checksum). */
@Document(AuditEntry.COLLECTION)
@Schema(name = "RulesetAuditEntry") // audit.AuditEntry is another schema: one name each
record AuditEntry(@Id String id, Instant at, String actor, AuditAction action, String version, String checksum,
        String reason, Map<String, Object> details) {

    static final String COLLECTION = "audit";

    AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(version, "version");
        details = details == null ? Map.of() : details;
    }
}
