package dev.pln.model;

/** Why a caseworker follows a client up (跟踪回访): after a recommendation, to check retention, or a public-welfare post's review. */
public enum FollowUpKind {
    AFTER_RECOMMENDATION, RETENTION_3M, RETENTION_6M, PUBLIC_WELFARE_REVIEW
}
