/**
 * Personal data over time: a configurable period after a case closes, the direct identifiers in its stored facts
 * are replaced by pseudonyms and the free text of its services and follow-ups is dropped, while decisions,
 * explanations and outcomes stay intact and replayable; and a pseudonymised export of decisions and outcomes for
 * evaluators, with no direct identifiers.
 */
package dev.pln.service.privacy;
