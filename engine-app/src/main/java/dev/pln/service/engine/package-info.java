/**
 * The decision engine: runs a rule set on one client's facts in a stateless session and returns the
 * result with an explanation built from the fired rules' own metadata. Knows nothing of HTTP or storage.
 */
package dev.pln.service.engine;
