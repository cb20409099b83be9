package dev.pln.service.engine;

import dev.pln.model.Barrier;
import dev.pln.model.LevelCandidate;
import dev.pln.model.LevelDecision;
import dev.pln.model.Measure;
import dev.pln.model.MissingInformation;
import dev.pln.model.Problem;
import dev.pln.service.engine.EvaluationRecorder.Concluded;
import dev.pln.service.engine.EvaluationRecorder.Firing;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;

/**
 * Turns what the recorder saw into the explanation: fired rules with their metadata and matched values,
 * and a zh-CN summary assembled from the reasons the rules themselves carry (never hand-written per case).
 */
final class Explainer {

    static final String RULE_ID = "ruleId";
    static final String REASON = "reason";
    static final String POLICY_REF = "policyRef";

    private static final String[] LEVEL_NAMES = { "", "一级(易帮扶对象)", "二级(较难帮扶对象)", "三级(难帮扶对象)" };

    private Explainer() {
    }

    static String levelName(int level) {
        return LEVEL_NAMES[level];
    }

    static String metadata(Rule rule, String key) {
        if (rule == null) {
            return null;
        }
        Object value = rule.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    static Explanation explain(Evaluation draft, EvaluationRecorder recorder, LevelDecision levelDecision,
            List<Concluded> candidates, Concluded notTiered) {
        List<FiredRule> fired = new ArrayList<>(recorder.firings().size());
        int order = 0;
        for (Firing firing : recorder.firings()) {
            RuleDescription rule = firing.rule();
            fired.add(new FiredRule(++order, rule.ruleId(), rule.name(), rule.packageName(), rule.reason(),
                    rule.policyRef(), matched(firing)));
        }
        return new Explanation(summary(draft, recorder.conclusions(), levelDecision, candidates, notTiered),
                List.copyOf(fired));
    }

    private static String summary(Evaluation draft, List<Concluded> conclusions, LevelDecision levelDecision,
            List<Concluded> candidates, Concluded notTiered) {
        StringBuilder text = new StringBuilder(512);
        switch (draft.status()) {
            case NOT_TIERED -> text.append("暂不定级:").append(metadata(notTiered.rule(), REASON))
                    .append("(规则 ").append(metadata(notTiered.rule(), RULE_ID)).append(")。");
            case INCOMPLETE -> appendIncomplete(text, conclusions);
            case TIERED -> appendTiered(text, draft, conclusions, levelDecision, candidates);
        }
        text.append("规则版本 ").append(draft.ruleset().version()).append("。");
        return text.toString();
    }

    // The summary is written straight into one builder: joining and concatenating per decision was the
    // largest allocation of explanation capture (docs/performance.md).

    private static void appendIncomplete(StringBuilder text, List<Concluded> conclusions) {
        boolean any = false;
        for (Concluded concluded : conclusions) {
            if (concluded.conclusion() instanceof MissingInformation info) {
                text.append(any ? ";" : "信息不全,暂不定级。").append(metadata(concluded.rule(), REASON))
                        .append("(需补充 ").append(info.getPointer()).append(",规则 ")
                        .append(metadata(concluded.rule(), RULE_ID)).append(")");
                any = true;
            }
        }
        text.append(any ? "。"
                : "暂不定级:现有规则未能根据这些信息确定等级,请政策人员检查规则是否覆盖此情形。");
    }

    private static void appendTiered(StringBuilder text, Evaluation draft, List<Concluded> conclusions,
            LevelDecision levelDecision, List<Concluded> candidates) {
        String deciding = levelDecision.getDecidingRuleId();
        text.append("评定为").append(levelName(draft.level())).append("。");
        for (Concluded candidate : candidates) {
            LevelCandidate c = (LevelCandidate) candidate.conclusion();
            if (c.getRuleId().equals(deciding)) {
                text.append("决定规则 ").append(c.getRuleId()).append(":")
                        .append(metadata(candidate.rule(), REASON)).append("。");
            }
        }
        boolean yielding = false;
        for (Concluded candidate : candidates) {
            LevelCandidate c = (LevelCandidate) candidate.conclusion();
            if (!c.getRuleId().equals(deciding)) {
                text.append(yielding ? "、" : "规则 ").append(c.getRuleId()).append("(指向")
                        .append(levelName(c.getLevel())).append(")");
                yielding = true;
            }
        }
        if (yielding) {
            text.append(" 同样成立,按“取最高等级、同级取编号最小”让位于 ").append(deciding).append("。");
        }
        appendReasons(text, "就业障碍:", conclusions, Barrier.class);
        appendReasons(text, "存在的问题:", conclusions, Problem.class);
        text.append("可享受的措施:");
        List<Measure> eligible = draft.eligibleMeasures();
        for (int i = 0; i < eligible.size(); i++) {
            Measure measure = eligible.get(i);
            text.append(i == 0 ? "" : "、").append(measure.name()).append(" ").append(measure.getTitle());
        }
        text.append("。建议措施(一人一策):");
        List<PlanItem> plan = draft.plan();
        for (int i = 0; i < plan.size(); i++) {
            PlanItem item = plan.get(i);
            text.append(i == 0 ? "" : "、").append(item.measure().name()).append(" ").append(item.title());
        }
        text.append(plan.isEmpty() ? "暂无。" : "。");
    }

    private static void appendReasons(StringBuilder text, String heading, List<Concluded> conclusions,
            Class<?> type) {
        List<String> reasons = null;
        for (Concluded concluded : conclusions) {
            if (type.isInstance(concluded.conclusion())) {
                String reason = metadata(concluded.rule(), REASON);
                if (reasons == null) {
                    reasons = new ArrayList<>(4);
                    text.append(heading);
                }
                else if (reasons.contains(reason)) {
                    continue;
                }
                else {
                    text.append(";");
                }
                reasons.add(reason);
                text.append(reason);
            }
        }
        if (reasons != null) {
            text.append("。");
        }
    }

    private static Map<String, Object> matched(Firing firing) {
        List<String> bindings = firing.rule().bindings();
        Map<String, Object> matched = new LinkedHashMap<>(bindings.size() * 2);
        for (int i = 0; i < bindings.size(); i++) {
            matched.put(bindings.get(i), plain(firing.values()[i]));
        }
        return matched;
    }

    /** Values as JSON and BSON can hold them: enums by name, collections as lists, dates as ISO text. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            collection.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return String.valueOf(value);
    }
}
