/**
 * The audit trail: every successful write, every rule set change and override (they are writes), and every read
 * of one client's personal data is recorded — who, when, what, from where — in an append-only collection whose
 * entries are chained and sealed with a key the store does not hold, so that a changed, inserted or removed entry
 * is detectable even by someone who can write to the store; removing the newest entries is not (docs/security.md).
 */
package dev.pln.service.audit;
