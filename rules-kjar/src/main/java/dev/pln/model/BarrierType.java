package dev.pln.model;

/** Objective obstacles derived from conditions, family and health (就业条件不足的因素). */
public enum BarrierType {
    OLDER_AGE, LOW_EDUCATION, NO_WORK_EXPERIENCE, LONG_TIME_OUT_OF_WORK, CARE_DUTIES, HEALTH_LIMITS
}
