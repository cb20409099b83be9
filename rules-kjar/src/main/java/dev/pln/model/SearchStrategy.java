package dev.pln.model;

/** How the client looks for work. */
public enum SearchStrategy {
    TARGETED, SCATTERSHOT, NOT_SEARCHING
}
