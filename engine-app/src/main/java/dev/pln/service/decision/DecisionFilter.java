package dev.pln.service.decision;

import dev.pln.service.engine.DecisionStatus;

/** Which stored decisions to list; null fields do not filter. */
public record DecisionFilter(String clientId, Integer level, DecisionStatus status) {

    boolean isEmpty() {
        return clientId == null && level == null && status == null;
    }
}
