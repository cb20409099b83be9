package dev.pln.model;

/** Willingness to work (就业意愿), the first key dimension. */
public enum Willingness {
    WILLING, UNDECIDED, UNWILLING
}
