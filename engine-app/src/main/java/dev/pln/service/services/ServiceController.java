package dev.pln.service.services;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service and follow-up endpoints of the HTTP contract. */
@RestController
class ServiceController {

    private final Casework casework;

    ServiceController(Casework casework) {
        this.casework = casework;
    }

    /** The body of a recorded service: the record and the client's plan with what has been delivered. */
    record ServiceReply(ServiceRecord service, ServiceStatus serviceStatus, List<Casework.PlanProgress> plan) {
    }

    /** The body of a recorded follow-up: the record, the status after it and, when not employed, what comes next. */
    record FollowUpReply(FollowUpRecord followUp, ServiceStatus serviceStatus,
            List<dev.pln.service.engine.PlanItem> nextPlan,
            List<dev.pln.service.engine.RuleReference> publicWelfarePlacement) {
    }

    /** The follow-ups due. */
    record DueReply(LocalDate before, List<Casework.Due> items) {
    }

    @PostMapping(path = "/api/v1/clients/{clientId}/services", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a delivered measure, if the eligibility rules grant it to the client's level")
    @ApiResponse(responseCode = "201", description = "Stored; the record and the client's plan")
    @ApiResponse(responseCode = "400", description = "Invalid input or a field that does not apply to the measure", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "Unknown client", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Not eligible (rule named), not tiered, or Idempotency-Key reused", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ServiceReply> deliver(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String clientId,
            @Valid @RequestBody ServiceRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Casework.Delivered delivered = casework.deliver(clientId, request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/clients/" + clientId + "/services/" + delivered.service().serviceId()))
                .body(new ServiceReply(delivered.service(), delivered.serviceStatus(), delivered.plan()));
    }

    @PostMapping(path = "/api/v1/clients/{clientId}/follow-ups", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a follow-up; without a job the rules give the next plan")
    @ApiResponse(responseCode = "201", description = "Stored; nextPlan when not employed")
    @ApiResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "Unknown client", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Not tiered, or Idempotency-Key reused", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<FollowUpReply> followUp(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String clientId,
            @Valid @RequestBody FollowUpRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Casework.FollowedUp recorded = casework.followUp(clientId, request, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/clients/" + clientId + "/follow-ups/" + recorded.followUp().followUpId()))
                .body(new FollowUpReply(recorded.followUp(), recorded.serviceStatus(), recorded.nextPlan(),
                        recorded.publicWelfarePlacement()));
    }

    @GetMapping(path = "/api/v1/follow-ups/due", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Follow-ups due before a date (default: up to and including today)")
    DueReply due(@RequestParam(required = false) LocalDate before,
            @RequestParam(required = false) @Size(min = 1, max = 100) String town) {
        LocalDate until = before == null ? LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1) : before;
        return new DueReply(until, casework.due(until, town));
    }
}
