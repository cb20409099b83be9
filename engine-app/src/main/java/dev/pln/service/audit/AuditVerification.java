package dev.pln.service.audit;

/**
 * The answer of {@code GET /api/v1/admin/audit/verify}.
 *
 * @param valid whether every entry carries its own hash and the hash of the one before, numbered without gaps,
 *        and is sealed with the audit key as it is now
 * @param entries how many entries the trail holds
 * @param firstBroken the {@code seq} of the first entry that fails, or null when the trail is valid
 * @param sealedOnUpgrade how many entries an earlier version wrote without a seal and this one sealed at its first
 *        start: for them, a change made before then is found only if it broke their hash chain
 */
record AuditVerification(boolean valid, long entries, Long firstBroken, long sealedOnUpgrade) {
}
