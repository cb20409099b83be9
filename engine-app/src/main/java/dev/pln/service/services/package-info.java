/**
 * Services delivered and follow-ups: each client's case (service status, delivered measures, follow-ups and
 * those due, level history), checked against the active rule set's eligibility, follow-up and fallback rules.
 */
package dev.pln.service.services;
