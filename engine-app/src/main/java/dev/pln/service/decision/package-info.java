/**
 * Decisions: takes posted client facts, decides them on the active rule set, stores each decision once with
 * its explanation, and answers the decision endpoints of the HTTP contract (idempotent posts included).
 */
package dev.pln.service.decision;
