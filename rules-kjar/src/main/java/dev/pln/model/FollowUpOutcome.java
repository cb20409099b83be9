package dev.pln.model;

/**
 * What one follow-up found: whether the client is employed, and how the recommendation it follows up was
 * made ({@code recommendation} and {@code meeting} are null when no recommendation preceded it).
 */
public final class FollowUpOutcome {

    private final FollowUpKind kind;
    private final boolean employed;
    private final RecommendationMode recommendation;
    private final MeetingKind meeting;

    public FollowUpOutcome(FollowUpKind kind, boolean employed, RecommendationMode recommendation,
            MeetingKind meeting) {
        this.kind = kind;
        this.employed = employed;
        this.recommendation = recommendation;
        this.meeting = meeting;
    }

    public FollowUpKind getKind() {
        return kind;
    }

    public boolean isEmployed() {
        return employed;
    }

    public RecommendationMode getRecommendation() {
        return recommendation;
    }

    public MeetingKind getMeeting() {
        return meeting;
    }
}
