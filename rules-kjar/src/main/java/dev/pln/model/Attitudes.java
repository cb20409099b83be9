package dev.pln.model;

import java.util.List;

/** Employment attitudes (就业观念): null misconceptions means not asked, an empty list means none found. */
public final class Attitudes {

    private final List<Misconception> misconceptions;

    public Attitudes(List<Misconception> misconceptions) {
        this.misconceptions = misconceptions == null ? null : List.copyOf(misconceptions);
    }

    public List<Misconception> getMisconceptions() {
        return misconceptions;
    }
}
