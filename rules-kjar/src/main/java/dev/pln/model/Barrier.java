package dev.pln.model;

/** An objective obstacle to employment, derived by one classification rule. */
public final class Barrier implements Conclusion {

    private final BarrierType type;

    public Barrier(BarrierType type) {
        this.type = type;
    }

    public BarrierType getType() {
        return type;
    }
}
