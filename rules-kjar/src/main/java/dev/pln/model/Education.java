package dev.pln.model;

/** Highest completed education, ordered from least to most so rules can compare ranks. */
public enum Education {
    NONE, PRIMARY, JUNIOR_MIDDLE, SENIOR_HIGH, VOCATIONAL, ASSOCIATE, BACHELOR, POSTGRADUATE;

    /** True when this education is at most {@code other} in the order above. */
    public boolean atMost(Education other) {
        return compareTo(other) <= 0;
    }

    /** True when this education is at least {@code other} in the order above. */
    public boolean atLeast(Education other) {
        return compareTo(other) >= 0;
    }
}
