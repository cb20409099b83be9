/**
 * The demo data set: with {@code pln.demo.load=true} the method's four worked cases are decided, served and
 * followed up at start-up through the same services the API uses, so a new installation shows a populated report.
 */
package dev.pln.service.demo;
