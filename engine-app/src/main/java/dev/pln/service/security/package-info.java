/**
 * Who may do what. With {@code pln.security.enabled=true}: people sign in with username and password (HTTP Basic
 * for the API, a login form with CSRF protection for the pages), machine clients with API keys sent as
 * {@code Authorization: Bearer pln_…}, or, where an identity provider is configured, with its JWTs; every endpoint
 * is open to exactly the roles of its row in docs/security.md, and everything a user reads or changes must lie in
 * its jurisdiction. Without it (the default, which the fixed HTTP contract is checked against), every endpoint
 * answers without credentials and the service says so loudly at start.
 */
package dev.pln.service.security;
