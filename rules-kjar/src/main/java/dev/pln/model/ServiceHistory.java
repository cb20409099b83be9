package dev.pln.model;

/**
 * The client's time in service so far, as the fallback rules weigh it: days since the first decision that
 * tiered the client, and how many recommendations ended without a job (this follow-up included).
 */
public final class ServiceHistory {

    private final int daysInService;
    private final int unsuccessfulRecommendations;

    public ServiceHistory(int daysInService, int unsuccessfulRecommendations) {
        if (daysInService < 0 || unsuccessfulRecommendations < 0) {
            throw new IllegalArgumentException("days and counts cannot be negative");
        }
        this.daysInService = daysInService;
        this.unsuccessfulRecommendations = unsuccessfulRecommendations;
    }

    public int getDaysInService() {
        return daysInService;
    }

    public int getUnsuccessfulRecommendations() {
        return unsuccessfulRecommendations;
    }
}
