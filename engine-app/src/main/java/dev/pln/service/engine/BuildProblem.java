package dev.pln.service.engine;

/**
 * One reason a rule set does not build, where a policy officer finds it: the file's path in the rule set
 * (e.g. {@code pln/levels/levels.drl}), 1-based line and column (0 when the problem has no position).
 */
public record BuildProblem(String file, int line, int column, String message) {
}
