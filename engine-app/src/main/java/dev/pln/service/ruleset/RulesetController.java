package dev.pln.service.ruleset;

import dev.pln.service.system.InputProblemException;
import dev.pln.service.system.OutsideJurisdictionException;
import dev.pln.service.system.ResourceNotFoundException;
import dev.pln.service.system.Scope;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The rule set endpoints ({@code /api/v1/rulesets}); writes pass {@link AdminAccess} first. */
@RestController
@RequestMapping(path = "/api/v1/rulesets", produces = MediaType.APPLICATION_JSON_VALUE)
class RulesetController {

    /** A list of items, as the API wraps every list. */
    record Items<T>(List<T> items) {
    }

    private final Rulesets rulesets;
    private final ImpactPreview impact;
    private final Jobs jobs;
    private final AuditLog audit;

    RulesetController(Rulesets rulesets, ImpactPreview impact, Jobs jobs, AuditLog audit) {
        this.rulesets = rulesets;
        this.impact = impact;
        this.jobs = jobs;
        this.audit = audit;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RulesetView> upload(@Valid @RequestBody UploadRequest upload,
            @RequestHeader(name = AdminAccess.ACTOR_HEADER, required = false) String actor) {
        return created(rulesets.upload(new Rulesets.Upload(upload.version(), upload.description(), RulesetOrigin.DRL,
                "dev.pln:rules:" + upload.version(), upload.files()), AdminAccess.actor(actor)));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RulesetView> uploadKjar(@RequestParam("file") MultipartFile file,
            @RequestParam(name = "version", required = false) String version,
            @RequestParam(name = "description", required = false) String description,
            @RequestHeader(name = AdminAccess.ACTOR_HEADER, required = false) String actor) {
        if (description != null && description.length() > 500) {
            throw new InputProblemException("The description is too long.",
                    List.of(InputProblemException.FieldError.parameter("description",
                            "must be at most 500 characters")));
        }
        KjarReader.Kjar kjar;
        try {
            kjar = KjarReader.read(file.getBytes(), RulesetController.class.getClassLoader());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String named = version != null ? version : kjar.version();
        return created(rulesets.upload(new Rulesets.Upload(named, description, RulesetOrigin.KJAR, kjar.releaseId(),
                kjar.sources()), AdminAccess.actor(actor)));
    }

    @GetMapping
    Items<RulesetView> list() {
        return new Items<>(rulesets.list().stream().map(RulesetView::summary).toList());
    }

    @GetMapping("/active")
    RulesetView active() {
        return RulesetView.of(rulesets.active()
                .orElseThrow(() -> new ResourceNotFoundException("No rule set version is active in the store yet.")));
    }

    @GetMapping("/{version}")
    RulesetView one(@PathVariable String version) {
        return RulesetView.of(rulesets.existing(version));
    }

    @GetMapping("/{version}/audit")
    Items<AuditEntry> audit(@PathVariable String version) {
        List<AuditEntry> entries = audit.forVersion(version);
        if (entries.isEmpty() && rulesets.find(version).isEmpty()) {
            throw new ResourceNotFoundException("No rule set version " + version + ".");
        }
        return new Items<>(entries);
    }

    @PostMapping("/{version}/impact")
    @ApiResponse(responseCode = "200", description = "The impact report, computed at once",
            content = @Content(schema = @Schema(implementation = ImpactReport.class)))
    @ApiResponse(responseCode = "202", description = "Above pln.rulesets.impact-job-threshold clients: a job; "
            + "Location names it, its result is the impact report",
            content = @Content(schema = @Schema(implementation = Jobs.JobView.class)))
    ResponseEntity<Object> impact(@PathVariable String version,
            @RequestHeader(name = AdminAccess.ACTOR_HEADER, required = false) String actor) {
        RulesetDocument document = rulesets.existing(version);
        String who = AdminAccess.actor(actor);
        // A policy officer of one town previews the version on that town's clients only.
        ImpactReport.Population population = ImpactReport.Population.of(Scope.current());
        if (!impact.needsJob(population)) {
            return ResponseEntity.ok(impact.run(document, population, who, progress -> { }));
        }
        Jobs.Job job = jobs.submit("IMPACT", population, progress -> impact.run(document, population, who, progress));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/jobs/" + job.id()))
                .body(job.view());
    }

    @PostMapping(path = "/{version}/activate", consumes = MediaType.APPLICATION_JSON_VALUE)
    RulesetView activate(@PathVariable String version, @Valid @RequestBody ActivationRequest activation,
            @RequestHeader(name = AdminAccess.ACTOR_HEADER, required = false) String actor) {
        Scope.currentTown().ifPresent(scope -> {
            throw new OutsideJurisdictionException(scope, "A rule set applies to the whole district: only a policy "
                    + "officer of the whole district activates one or rolls back.");
        });
        return RulesetView.withoutFiles(rulesets.activate(version, activation.reason(), activation.accepted(),
                AdminAccess.actor(actor)));
    }

    private static ResponseEntity<RulesetView> created(RulesetDocument document) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/rulesets/" + document.version()))
                .body(RulesetView.withoutFiles(document));
    }
}
