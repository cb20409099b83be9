/**
 * Storage: connects Spring Data MongoDB to the configured MongoDB, or, when none is configured, to an embedded
 * MongoDB-wire server over an H2 file in the data directory that acknowledges a write only once the file holds it.
 */
package dev.pln.service.storage;
