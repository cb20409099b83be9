package dev.pln.service.engine;

/** A rule as an auditor cites it: its id, its zh-CN reason and the part of the method it implements. */
public record RuleReference(String ruleId, String reason, String policyRef) {
}
