package dev.pln.model;

/** Family situation (家庭情况): care duties, income pressure and the constraints they put on work. */
public final class Family {

    private final Caregiving caregiving;
    private final Boolean lowIncome;
    private final Boolean needsWorkNearHome;
    private final Boolean acceptsShiftWork;

    public Family(Caregiving caregiving, Boolean lowIncome, Boolean needsWorkNearHome, Boolean acceptsShiftWork) {
        this.caregiving = caregiving;
        this.lowIncome = lowIncome;
        this.needsWorkNearHome = needsWorkNearHome;
        this.acceptsShiftWork = acceptsShiftWork;
    }

    public Caregiving getCaregiving() {
        return caregiving;
    }

    public Boolean getLowIncome() {
        return lowIncome;
    }

    public Boolean getNeedsWorkNearHome() {
        return needsWorkNearHome;
    }

    public Boolean getAcceptsShiftWork() {
        return acceptsShiftWork;
    }
}
