package dev.pln.model;

/** State of the client's resume. */
public enum ResumeQuality {
    GOOD, NEEDS_WORK, NONE
}
