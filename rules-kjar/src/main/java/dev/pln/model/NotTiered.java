package dev.pln.model;

/** The client is not tiered because the method serves only those who want to work. */
public final class NotTiered implements Conclusion {

    private final Willingness willingness;

    public NotTiered(Willingness willingness) {
        this.willingness = willingness;
    }

    public Willingness getWillingness() {
        return willingness;
    }
}
