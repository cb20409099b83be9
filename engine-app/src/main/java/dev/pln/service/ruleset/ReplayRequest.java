package dev.pln.service.ruleset;

/** Which rule set a replay uses: {@code "original"} (the default), {@code "active"} or a stored version. */
record ReplayRequest(String ruleset) {
}
