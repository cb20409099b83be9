package dev.pln.service.ruleset;

/** How a rule set version reached the store: the KJAR on the class path, uploaded DRL files, or an uploaded KJAR. */
enum RulesetOrigin {
    CLASSPATH, DRL, KJAR
}
