package dev.pln.service.engine;

import java.util.List;

/** Why a decision came out as it did: a zh-CN summary and every fired rule in firing order. */
public record Explanation(String summary, List<FiredRule> firedRules) {
}
