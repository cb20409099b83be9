package dev.pln.service.privacy;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The retention sweep on demand and the pseudonymised export: role {@code ADMIN}, or with security off the admin
 * token.
 */
@RestController
class PrivacyController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final Retention retention;
    private final EvaluationExport export;

    PrivacyController(Retention retention, EvaluationExport export) {
        this.retention = retention;
        this.export = export;
    }

    /** Runs the retention sweep now: {@code {"closedBefore", "clients", "decisions"}}. */
    @PostMapping(path = "/api/v1/admin/retention/run", produces = MediaType.APPLICATION_JSON_VALUE)
    Retention.Sweep run() {
        return retention.sweepNow();
    }

    /** Every decision as one pseudonymised JSON line, with the client's outcome. */
    @GetMapping(path = "/api/v1/admin/exports/decisions")
    @ApiResponse(responseCode = "200", description = "One pseudonymised decision per line (JSON Lines)",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> decisions() {
        StreamingResponseBody body = export::write;
        return ResponseEntity.ok().contentType(NDJSON)
                .header("Content-Disposition", "attachment; filename=\"pln-decisions.jsonl\"").body(body);
    }
}
