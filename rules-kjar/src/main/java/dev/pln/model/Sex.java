package dev.pln.model;

/** Recorded for monitoring only; no rule may read it. */
public enum Sex {
    FEMALE, MALE
}
