package dev.pln.service.ruleset;

/** What happened to a rule set version. */
enum AuditAction {
    UPLOADED, REJECTED, IMPACT_PREVIEWED, ACTIVATED, RETIRED
}
