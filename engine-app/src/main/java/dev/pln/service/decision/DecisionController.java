package dev.pln.service.decision;

import dev.pln.service.engine.DecisionStatus;
import dev.pln.service.system.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The decision endpoints of the HTTP contract ({@code /api/v1/decisions}). */
@RestController
@RequestMapping(path = "/api/v1/decisions", produces = MediaType.APPLICATION_JSON_VALUE)
class DecisionController {

    private final Decisions decisions;
    private final DecisionMetrics metrics;

    DecisionController(Decisions decisions, DecisionMetrics metrics) {
        this.decisions = decisions;
        this.metrics = metrics;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Decide the client's facts and store the decision with its explanation")
    @ApiResponse(responseCode = "201", description = "Stored; Location names the decision")
    @ApiResponse(responseCode = "400", description = "Invalid input (problem+json with errors[].pointer)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "Body over 1 MiB", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Not application/json", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with another body", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Store unavailable; Retry-After", content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<DecisionView> decide(@Valid @RequestBody ClientFactsRequest facts,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        Decisions.Stored stored = decisions.decide(facts, idempotencyKey);
        metrics.stored(stored);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/decisions/" + stored.decision().decisionId()))
                .body(stored.decision());
    }

    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Decide the client's facts without storing anything")
    DecisionView preview(@Valid @RequestBody ClientFactsRequest facts) {
        return decisions.preview(facts);
    }

    @GetMapping("/{decisionId}")
    DecisionView one(@PathVariable String decisionId) {
        return decisions.find(decisionId)
                .orElseThrow(() -> new ResourceNotFoundException("No decision with id " + decisionId + "."));
    }

    @GetMapping
    DecisionPage list(
            @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String clientId,
            @RequestParam(required = false) @Min(1) @Max(3) Integer level,
            @RequestParam(required = false) DecisionStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return decisions.list(new DecisionFilter(clientId, level, status), page, size);
    }
}
