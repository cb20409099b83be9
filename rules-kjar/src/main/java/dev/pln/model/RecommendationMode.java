package dev.pln.model;

/** How a post was recommended (N3): sent straight to an employer group, or sought out for this client. */
public enum RecommendationMode {
    DIRECT, TARGETED
}
