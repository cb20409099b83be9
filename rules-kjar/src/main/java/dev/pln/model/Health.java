package dev.pln.model;

/** Health as it bears on work. */
public enum Health {
    GOOD, LIMITED, POOR
}
