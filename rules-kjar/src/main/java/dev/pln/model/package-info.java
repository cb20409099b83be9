/**
 * The PLN fact model: the six assessed dimensions that decisions insert, and the conclusions rules derive.
 * The service compiles uploaded rules against exactly these types.
 */
package dev.pln.model;
