package dev.pln.service.engine;

/** Exactly which rules decided: version, Maven release id and the sha256 of the DRL sources. */
public record RulesetIdentity(String version, String releaseId, String checksum) {
}
