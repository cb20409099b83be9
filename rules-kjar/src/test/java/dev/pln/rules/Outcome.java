package dev.pln.rules;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What one rule run concluded, in the contract's vocabulary (codes as strings) so tests compare it with
 * fixture JSON directly. {@code firedRuleIds} is in firing order.
 */
record Outcome(String status, Integer level, Set<String> barriers, Set<String> problems, List<String> missing,
        Set<String> eligibleMeasures, Set<String> plan, List<String> firedRuleIds, String decidingRuleId) {

    boolean fired(String ruleId) {
        return firedRuleIds.contains(ruleId);
    }

    /** The fired rule ids of one policy area, by id prefix (e.g. {@code "BAR-"}), in firing order. */
    List<String> firedStartingWith(String... prefixes) {
        return firedRuleIds.stream().filter(id -> Stream.of(prefixes).anyMatch(id::startsWith)).toList();
    }
}
