package dev.pln.model;

/** How clear the client's career goal is (就业目标). */
public enum GoalClarity {
    CLEAR, VAGUE, NONE
}
