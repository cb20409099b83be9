/**
 * Rule sets as versioned, audited artefacts: policy officers upload DRL (or a KJAR), see it checked for safety,
 * compile errors and the fixture scenarios, preview its impact on the stored clients, activate it atomically on
 * every instance and roll it back; reviewers replay any stored decision under the rules that made it.
 */
package dev.pln.service.ruleset;
