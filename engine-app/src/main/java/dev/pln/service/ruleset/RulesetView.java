package dev.pln.service.ruleset;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pln.service.engine.BuildProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A rule set version as the API shows it: status, who uploaded, activated or retired it, when and why, its
 * checksum and validation report; {@code files} only when one version is asked for, {@code errors} only for a
 * rejected version.
 */
record RulesetView(String version, String description, RulesetStatus status, RulesetOrigin origin, String releaseId,
        String checksum, String createdBy, Instant createdAt, String activatedBy, Instant activatedAt,
        String activationReason, String retiredBy, Instant retiredAt, ScenarioReport scenarios,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<BuildProblem> errors,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> files) {

    /** One version in full, with its sources. */
    static RulesetView of(RulesetDocument document) {
        return view(document, document.scenarios(), document.sources());
    }

    /** One version without its sources (an upload's answer). */
    static RulesetView withoutFiles(RulesetDocument document) {
        return view(document, document.scenarios(), null);
    }

    /** One line of the list: scenario counts, no failures, no sources. */
    static RulesetView summary(RulesetDocument document) {
        return view(document, document.scenarios() == null ? null : document.scenarios().counts(), null);
    }

    private static RulesetView view(RulesetDocument d, ScenarioReport scenarios, Map<String, String> files) {
        return new RulesetView(d.version(), d.description(), d.status(), d.origin(), d.releaseId(), d.checksum(),
                d.createdBy(), d.createdAt(), d.activatedBy(), d.activatedAt(), d.activationReason(), d.retiredBy(),
                d.retiredAt(), scenarios, d.errors(), files);
    }
}
