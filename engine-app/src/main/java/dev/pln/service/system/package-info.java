/**
 * Cross-cutting web concerns: strict JSON reading, problem+json errors for every failure, the request size
 * limit and the API documentation. Feature packages may use it; it depends on none of them.
 */
package dev.pln.service.system;
