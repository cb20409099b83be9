package dev.pln.service.engine;

/** Whether the rules assigned a level, declined to tier the client, or lack facts to decide. */
public enum DecisionStatus {
    TIERED, NOT_TIERED, INCOMPLETE
}
