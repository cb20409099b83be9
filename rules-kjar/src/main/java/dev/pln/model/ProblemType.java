package dev.pln.model;

/** The method's five recurring problems (问题定位 1–5). */
public enum ProblemType {
    GOAL_UNCLEAR, CONDITIONS_INSUFFICIENT, MISCONCEPTIONS, WEAK_INTERVIEWING, IMPRECISE_TARGETING
}
