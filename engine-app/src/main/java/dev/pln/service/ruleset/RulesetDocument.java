package dev.pln.service.ruleset;

import dev.pln.service.engine.BuildProblem;
import dev.pln.service.engine.RulesetIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One stored rule set version: its sources, checksum, who uploaded it and when, its status and validation
 * report, and who activated or retired it, when and why. The version is the id; sources are kept as a list
 * because their paths contain dots, which MongoDB field names cannot.
 */
@Document(RulesetDocument.COLLECTION)
record RulesetDocument(@Id String version, String description, RulesetStatus status, RulesetOrigin origin,
        String releaseId, String checksum, List<SourceFile> files, String createdBy, Instant createdAt,
        ScenarioReport scenarios, List<BuildProblem> errors, String activationKey, String activatedBy,
        Instant activatedAt, String activationReason, String retiredBy, Instant retiredAt) {

    static final String COLLECTION = "rulesets";

    /** One DRL file of the set. */
    record SourceFile(String path, String text) {
    }

    RulesetDocument {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checksum, "checksum");
        // Lists leave the sources out (a projection); a stored version always has them.
        files = files == null ? List.of() : files;
        if (status == RulesetStatus.REJECTED ? errors == null || errors.isEmpty() : scenarios == null) {
            throw new IllegalArgumentException("a rejected version carries its errors, any other its scenario report");
        }
    }

    /** A version that passed the checks and waits to be activated. */
    static RulesetDocument candidate(RulesetIdentity identity, String description, RulesetOrigin origin,
            Map<String, String> sources, String createdBy, Instant createdAt, ScenarioReport scenarios) {
        return new RulesetDocument(identity.version(), description, RulesetStatus.CANDIDATE, origin,
                identity.releaseId(), identity.checksum(), files(sources), createdBy, createdAt, scenarios, null, null,
                null, null, null, null, null);
    }

    /** A version refused at upload, kept with its errors so that the officer and the audit can see why. */
    static RulesetDocument rejected(RulesetIdentity identity, String description, RulesetOrigin origin,
            Map<String, String> sources, String createdBy, Instant createdAt, List<BuildProblem> errors) {
        return new RulesetDocument(identity.version(), description, RulesetStatus.REJECTED, origin,
                identity.releaseId(), identity.checksum(), files(sources), createdBy, createdAt, null,
                List.copyOf(errors), null, null, null, null, null, null);
    }

    /**
     * The key that orders activations: the latest activation wins everywhere, also when two instances
     * activate at the same millisecond (the version breaks the tie).
     */
    static String activationKey(Instant at, String version) {
        return String.format("%015d|%s", at.toEpochMilli(), version);
    }

    RulesetIdentity identity() {
        return new RulesetIdentity(version, releaseId, checksum);
    }

    SortedMap<String, String> sources() {
        SortedMap<String, String> sources = new TreeMap<>();
        files.forEach(file -> sources.put(file.path(), file.text()));
        return sources;
    }

    boolean failsScenarios() {
        return scenarios != null && scenarios.failed() > 0;
    }

    private static List<SourceFile> files(Map<String, String> sources) {
        return new TreeMap<>(sources).entrySet().stream().map(e -> new SourceFile(e.getKey(), e.getValue())).toList();
    }
}
