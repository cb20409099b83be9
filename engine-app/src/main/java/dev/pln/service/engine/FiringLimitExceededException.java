package dev.pln.service.engine;

import java.util.List;
import org.kie.api.definition.rule.Rule;

/** The rules kept firing for one client (a rule that re-triggers itself): the evaluation was stopped. */
public final class FiringLimitExceededException extends RuntimeException {

    private final transient List<String> ruleNames;

    FiringLimitExceededException(String version, List<Rule> busiest, int limit) {
        super("Rule set " + version + " fired more than " + limit + " rules for one client; one of "
                + busiest.stream().map(rule -> "\"" + rule.getName() + "\"").toList()
                + " probably re-triggers itself.");
        this.ruleNames = busiest.stream().map(Rule::getName).toList();
    }

    /** Names of the rules that fired most often before the evaluation was stopped: the loop is among them. */
    public List<String> ruleNames() {
        return ruleNames;
    }
}
