package dev.pln.model;

/**
 * A level one level rule argues for. Several may exist; the resolution rule picks one, and the ruleId lets
 * the explanation say which rule decided and which yielded.
 */
public final class LevelCandidate implements Conclusion {

    private final int level;
    private final String ruleId;

    public LevelCandidate(int level, String ruleId) {
        if (level < 1 || level > 3) {
            throw new IllegalArgumentException("level must be 1, 2 or 3: " + level);
        }
        this.level = level;
        this.ruleId = ruleId;
    }

    public int getLevel() {
        return level;
    }

    public String getRuleId() {
        return ruleId;
    }
}
