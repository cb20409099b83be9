package dev.pln.service.review;

/**
 * The fixed list of reasons a caseworker may give for overriding the rules' level (docs/reviewer-guide.md).
 * Only reasons that may {@code lower} the level can move a client to fewer services.
 */
public enum OverrideReason {

    FACTS_CHANGED("评定后情况已发生变化", true),
    FACTS_RECORDED_WRONGLY("评定所用信息记录有误", true),
    CIRCUMSTANCE_NOT_IN_RULES("存在规则未涵盖的具体情形", true),
    JOB_OFFER_IN_HAND("已有明确的录用意向或已就业", true),
    NEEDS_MORE_SUPPORT("面谈后判断需要更多帮扶", false);

    private final String label;
    private final boolean lowers;

    OverrideReason(String label, boolean lowers) {
        this.label = label;
        this.lowers = lowers;
    }

    public String label() {
        return label;
    }

    /** Whether this reason can justify a level with fewer services than the rules gave. */
    public boolean lowers() {
        return lowers;
    }
}
