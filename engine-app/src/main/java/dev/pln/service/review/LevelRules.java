package dev.pln.service.review;

import dev.pln.service.engine.DecisionEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The level rules (L1-01 … L3-xx) of the active rule set, read from their DRL metadata, so that a page can
 * say which rules argue for a level the client did not get.
 */
@Component
class LevelRules {

    private static final Pattern RULE = Pattern.compile("rule\\s+\"([^\"]+)\"\\s+((?:@\\w+\\(\"[^\"]*\"\\)\\s*)+)");
    private static final Pattern LEVEL_ID = Pattern.compile("L([123])-\\d+");

    private final DecisionEngine engine;

    LevelRules(DecisionEngine engine) {
        this.engine = engine;
    }

    /** One level rule as its DRL file states it. */
    record LevelRule(int level, String ruleId, String name, String reason, String policyRef) {
    }

    List<LevelRule> all() {
        List<LevelRule> rules = new ArrayList<>();
        for (String source : engine.activeRuleset().sources().values()) {
            Matcher rule = RULE.matcher(source);
            while (rule.find()) {
                String metadata = rule.group(2);
                String ruleId = metadata(metadata, "ruleId");
                Matcher level = LEVEL_ID.matcher(ruleId == null ? "" : ruleId);
                if (level.matches()) {
                    rules.add(new LevelRule(Integer.parseInt(level.group(1)), ruleId, rule.group(1),
                            metadata(metadata, "reason"), metadata(metadata, "policyRef")));
                }
            }
        }
        return rules;
    }

    String version() {
        return engine.activeRuleset().identity().version();
    }

    private static String metadata(String metadata, String key) {
        Matcher value = Pattern.compile("@" + key + "\\(\"([^\"]*)\"\\)").matcher(metadata);
        return value.find() ? value.group(1) : null;
    }
}
