package dev.pln.model;

/** A measure the client's level may receive (the method's eligibility table). */
public final class EligibleMeasure implements Conclusion {

    private final Measure measure;

    public EligibleMeasure(Measure measure) {
        this.measure = measure;
    }

    public Measure getMeasure() {
        return measure;
    }
}
