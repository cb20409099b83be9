package dev.pln.model;

/** One of the method's five problems, found in this client. */
public final class Problem implements Conclusion {

    private final ProblemType type;

    public Problem(ProblemType type) {
        this.type = type;
    }

    public ProblemType getType() {
        return type;
    }
}
