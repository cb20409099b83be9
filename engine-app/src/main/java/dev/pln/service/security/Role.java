package dev.pln.service.security;

/** What a user or key may do; {@link #ADMIN} implies every other role. See docs/security.md for the matrix. */
public enum Role {
    /** Intake systems: post decisions and previews, read the decisions they created. */
    INTAKE,
    /** Caseworkers: clients and decisions of their jurisdiction, services, follow-ups, overrides. */
    CASEWORKER,
    /** Reviewers: decisions, explanations, reports and review pages of their jurisdiction; flags. */
    REVIEWER,
    /** Policy officers: rule sets (upload, preview, activate, roll back), replays, reports. */
    POLICY_OFFICER,
    /** Users, keys, the audit trail, retention and exports; and everything else. */
    ADMIN;

    String authority() {
        return "ROLE_" + name();
    }
}
