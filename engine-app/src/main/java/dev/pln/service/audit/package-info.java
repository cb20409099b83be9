/**
 * The audit trail: every successful write, every rule set change and override (they are writes), and every read
 * of one client's personal data is recorded — who, when, what, from where — in an append-only collection whose
 * entries are hash-chained, so that a changed, removed or inserted entry is detectable.
 */
package dev.pln.service.audit;
