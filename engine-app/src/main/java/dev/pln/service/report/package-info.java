/**
 * Outcome reports: served, employed, employment rate, days to a job, retention, measures delivered and level
 * transitions, computed on request from the cases' summary fields (never kept by hand).
 */
package dev.pln.service.report;
