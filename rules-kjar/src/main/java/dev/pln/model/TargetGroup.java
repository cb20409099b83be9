package dev.pln.model;

/** The priority groups the method serves. */
public enum TargetGroup {
    RURAL_LOW_INCOME_LABOR, POOR_FAMILY_GRADUATE, REGISTERED_POOR_MIGRANT, OTHER
}
