package dev.pln.model;

/** Career goal (就业目标); {@code matchesConditions} is the caseworker's judgement, null when not yet made. */
public final class Goal {

    private final GoalClarity clarity;
    private final String occupation;
    private final Boolean matchesConditions;

    public Goal(GoalClarity clarity, String occupation, Boolean matchesConditions) {
        this.clarity = clarity;
        this.occupation = occupation;
        this.matchesConditions = matchesConditions;
    }

    public GoalClarity getClarity() {
        return clarity;
    }

    public String getOccupation() {
        return occupation;
    }

    public Boolean getMatchesConditions() {
        return matchesConditions;
    }
}
