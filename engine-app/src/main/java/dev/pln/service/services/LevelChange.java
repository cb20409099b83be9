package dev.pln.service.services;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One tiered decision in the client's level history and how it moved the level: FIRST, PROGRESS (a lower
 * level: 3→2→1 means the client needs less support), SETBACK, or UNCHANGED.
 */
public record LevelChange(String decisionId, Instant decidedAt, LocalDate assessedOn, Integer fromLevel, int toLevel,
        String change) {

    static LevelChange between(String decisionId, Instant decidedAt, LocalDate assessedOn, Integer from, int to) {
        String change = from == null ? "FIRST" : to < from ? "PROGRESS" : to > from ? "SETBACK" : "UNCHANGED";
        return new LevelChange(decisionId, decidedAt, assessedOn, from, to, change);
    }
}
