package dev.pln.model;

/** The one level this client is assigned, and the rule id of the candidate that decided it. */
public final class LevelDecision implements Conclusion {

    private final int level;
    private final String decidingRuleId;

    public LevelDecision(int level, String decidingRuleId) {
        this.level = level;
        this.decidingRuleId = decidingRuleId;
    }

    public int getLevel() {
        return level;
    }

    public String getDecidingRuleId() {
        return decidingRuleId;
    }
}
