package dev.pln.service.decision;

import java.util.List;

/** One page of stored decisions, newest first, with the total that match the filter. */
public record DecisionPage(List<DecisionView> items, int page, int size, long total) {
}
