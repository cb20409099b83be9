package dev.pln.model;

/** A measure recommended for this person (一人一策); the inserting rule's reason is the plan item's reason. */
public final class PlannedMeasure implements Conclusion {

    private final Measure measure;

    public PlannedMeasure(Measure measure) {
        this.measure = measure;
    }

    public Measure getMeasure() {
        return measure;
    }
}
