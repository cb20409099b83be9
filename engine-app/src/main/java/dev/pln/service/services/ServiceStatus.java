package dev.pln.service.services;

/**
 * Where a tiered client stands in service: still being served, employed, placed on a public-welfare post,
 * or closed once a six-month retention follow-up has found the client still employed.
 */
public enum ServiceStatus {
    IN_SERVICE, EMPLOYED, PUBLIC_WELFARE_POST, CLOSED
}
