/**
 * Clients: the latest facts, current decision and decision history of each client, kept up to date from
 * the decisions made, and the client endpoints of the HTTP contract.
 */
package dev.pln.service.client;
