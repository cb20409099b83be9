package dev.pln.service.engine;

import java.util.List;

/** Rule sources that do not build into a rule set; nothing of the build is kept. */
public final class RulesetBuildException extends RuntimeException {

    private final transient List<BuildProblem> problems;

    public RulesetBuildException(List<BuildProblem> problems) {
        super(problems.size() + " problem(s) building the rule set, first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<BuildProblem> problems() {
        return problems;
    }
}
