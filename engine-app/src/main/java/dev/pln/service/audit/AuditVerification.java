package dev.pln.service.audit;

/**
 * The answer of {@code GET /api/v1/admin/audit/verify}.
 *
 * @param valid whether every entry carries its own hash and the hash of the one before, numbered without gaps
 * @param entries how many entries the trail holds
 * @param firstBroken the {@code seq} of the first entry that fails, or null when the trail is valid
 */
record AuditVerification(boolean valid, long entries, Long firstBroken) {
}
