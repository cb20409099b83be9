/**
 * Review: the pages reviewers and caseworkers read decisions on, the client-facing sheet, counterfactuals
 * ("what would change the level"), and the human record beside the rules: overrides and flags.
 */
package dev.pln.service.review;
