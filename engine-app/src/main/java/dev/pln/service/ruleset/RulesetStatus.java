package dev.pln.service.ruleset;

/** Where a stored rule set version stands: deciding now, waiting to be activated, replaced, or refused at upload. */
enum RulesetStatus {
    ACTIVE, CANDIDATE, RETIRED, REJECTED
}
