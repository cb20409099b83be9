package dev.pln.service.services;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What reports need of one case, read from the case's summary fields: entry level, first tiered date, whether
 * any measure was delivered, employment and retention, deliveries per measure and level transitions ("3-2").
 */
public record CaseSummary(String clientId, String town, Integer entryLevel, Integer level, LocalDate firstTieredOn,
        boolean served, LocalDate employedOn, boolean publicWelfare, boolean retained3m, boolean retained6m,
        Map<String, Integer> measureCounts, List<String> transitions) {
}
