/**
 * Storage: connects Spring Data MongoDB to the configured MongoDB, or, when none is configured, to an embedded
 * MongoDB-wire server over an H2 file in the data directory that acknowledges a write only once the file holds it.
 * The embedded server answers only connections that authenticate with its per-start secret, and the data directory
 * is readable by the service's OS user only.
 */
package dev.pln.service.storage;
