package dev.pln.service.review;

import dev.pln.service.decision.Decisions;
import dev.pln.service.system.ResourceNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The review endpoints of the HTTP contract: counterfactuals, overrides and flags of one decision. */
@RestController
@RequestMapping(path = "/api/v1/decisions/{decisionId}", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewApiController {

    private final Decisions decisions;
    private final Counterfactuals counterfactuals;
    private final Overrides overrides;
    private final Flags flags;

    ReviewApiController(Decisions decisions, Counterfactuals counterfactuals, Overrides overrides, Flags flags) {
        this.decisions = decisions;
        this.counterfactuals = counterfactuals;
        this.overrides = overrides;
        this.flags = flags;
    }

    /** An override as the API shows it. */
    record OverrideView(String overrideId, String decisionId, int rulesLevel, int level, OverrideReason reasonCode,
            String reason, String by, Instant proposedAt, OverrideDocument.Status status, String confirmedBy,
            Instant effectiveAt) {

        static OverrideView of(OverrideDocument o) {
            return new OverrideView(o.id(), o.decisionId(), o.rulesLevel(), o.level(), o.reasonCode(), o.reason(),
                    o.by(), o.proposedAt(), o.status(), o.confirmedBy(), o.effectiveAt());
        }
    }

    /** A flag as the API shows it. */
    record FlagView(String flagId, String decisionId, String comment, String by, Instant at) {
    }

    @GetMapping("/counterfactuals")
    @Operation(summary = "The smallest sets of actionable changes to the facts that reach each other level")
    Counterfactuals.Report counterfactuals(@PathVariable String decisionId) {
        return counterfactuals.of(decisions.findForEvaluation(decisionId)
                .orElseThrow(() -> new ResourceNotFoundException("No decision with id " + decisionId + ".")));
    }

    @PostMapping(path = "/overrides", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record a caseworker's level; a lower level stays PENDING until a second person confirms")
    ResponseEntity<OverrideView> override(@PathVariable String decisionId,
            @Valid @RequestBody OverrideRequest request) {
        OverrideDocument stored = overrides.propose(decisionId, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/decisions/" + decisionId + "/overrides/" + stored.id()))
                .body(OverrideView.of(stored));
    }

    @PostMapping(path = "/overrides/{overrideId}/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm a pending override (by a person other than the proposer)")
    OverrideView confirm(@PathVariable String decisionId, @PathVariable String overrideId,
            @Valid @RequestBody ConfirmationRequest request) {
        return OverrideView.of(overrides.confirm(decisionId, overrideId, request.by()));
    }

    @PostMapping(path = "/flags", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Flag a decision for another look")
    ResponseEntity<FlagView> flag(@PathVariable String decisionId, @Valid @RequestBody FlagRequest request) {
        FlagDocument flag = flags.raise(decisionId, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new FlagView(flag.id(), flag.decisionId(), flag.comment(), flag.by(), flag.at()));
    }
}
