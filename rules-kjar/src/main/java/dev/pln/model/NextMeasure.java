package dev.pln.model;

/** A measure a follow-up calls for next, for a client still without a job; the inserting rule's reason says why. */
public final class NextMeasure implements Conclusion {

    private final Measure measure;

    public NextMeasure(Measure measure) {
        this.measure = measure;
    }

    public Measure getMeasure() {
        return measure;
    }
}
