package dev.pln.service.review;

import dev.pln.service.decision.PersonalData;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** zh-CN words for the recorded facts, levels and statuses the pages show, by JSON Pointer of the fact. */
final class Labels {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("/willingness", "就业意愿"),
            Map.entry("/goal/clarity", "就业目标是否清晰"),
            Map.entry("/goal/occupation", "目标职业"),
            Map.entry("/goal/matchesConditions", "目标与自身条件是否相符"),
            Map.entry("/conditions/education", "文化程度"),
            Map.entry("/conditions/major", "专业"),
            Map.entry("/conditions/workExperienceYears", "工作经验(年)"),
            Map.entry("/conditions/monthsOutOfWork", "未工作时长(月)"),
            Map.entry("/conditions/skills", "职业技能"),
            Map.entry("/conditions/certificates", "证书"),
            Map.entry("/conditions/health", "身体状况"),
            Map.entry("/attitudes/misconceptions", "就业观念误区"),
            Map.entry("/jobSearch/hasResume", "是否有简历"),
            Map.entry("/jobSearch/resumeQuality", "简历质量"),
            Map.entry("/jobSearch/interviewSkill", "面试能力"),
            Map.entry("/jobSearch/strategy", "求职方式"),
            Map.entry("/family/caregiving", "家庭照料责任"),
            Map.entry("/family/lowIncome", "是否低收入家庭"),
            Map.entry("/family/needsWorkNearHome", "是否需要就近就业"),
            Map.entry("/family/acceptsShiftWork", "能否接受倒班"));

    private static final Map<String, Map<String, String>> VALUES = Map.ofEntries(
            Map.entry("/willingness", Map.of("WILLING", "有就业意愿", "UNDECIDED", "尚未确定", "UNWILLING", "暂无就业意愿")),
            Map.entry("/goal/clarity", Map.of("CLEAR", "清晰", "VAGUE", "模糊", "NONE", "没有目标")),
            Map.entry("/conditions/education", Map.of("NONE", "未上学", "PRIMARY", "小学", "JUNIOR_MIDDLE", "初中",
                    "SENIOR_HIGH", "高中", "VOCATIONAL", "中专/职高", "ASSOCIATE", "大专", "BACHELOR", "本科",
                    "POSTGRADUATE", "研究生")),
            Map.entry("/conditions/health", Map.of("GOOD", "良好", "LIMITED", "有一定限制", "POOR", "较差")),
            Map.entry("/attitudes/misconceptions", Map.of("SALARY_EXPECTATION", "薪资期望与实际不符", "LOCATION",
                    "对工作地点要求过高", "JOB_TYPE", "对岗位类型有偏见", "SELF_ASSESSMENT", "自我评价不准确",
                    "MARKET_UNAWARE", "不了解就业形势", "OTHER", "其他")),
            Map.entry("/jobSearch/resumeQuality", Map.of("GOOD", "良好", "NEEDS_WORK", "需要完善", "NONE", "没有简历")),
            Map.entry("/jobSearch/interviewSkill", Map.of("GOOD", "良好", "FAIR", "一般", "WEAK", "较弱")),
            Map.entry("/jobSearch/strategy", Map.of("TARGETED", "有针对性", "SCATTERSHOT", "“撒网式”求职",
                    "NOT_SEARCHING", "尚未求职")),
            Map.entry("/family/caregiving", Map.of("NONE", "无", "CHILDREN", "需照顾子女", "ELDERLY", "需照顾老人",
                    "SICK_RELATIVE", "需照顾病人")),
            Map.entry("/sex", Map.of("FEMALE", "女", "MALE", "男")));

    private static final Map<String, String> STATUSES = Map.of("TIERED", "已定级", "NOT_TIERED", "暂不定级",
            "INCOMPLETE", "信息不全,暂不定级");

    private static final String[] LEVELS = { "", "一级(易帮扶对象)", "二级(较难帮扶对象)", "三级(难帮扶对象)" };

    /** Neutral words for the client's own sheet: the level says how much support, nothing about the person. */
    private static final String[] SUPPORT = { "", "一级支持", "二级支持", "三级支持" };

    /** The six dimensions of the method, with the facts recorded under each. */
    static final List<Map.Entry<String, List<String>>> DIMENSIONS = List.of(
            Map.entry("就业意愿", List.of("/willingness")),
            Map.entry("就业目标", List.of("/goal/clarity", "/goal/occupation", "/goal/matchesConditions")),
            Map.entry("就业条件", List.of("/conditions/education", "/conditions/major",
                    "/conditions/workExperienceYears", "/conditions/monthsOutOfWork", "/conditions/skills",
                    "/conditions/certificates", "/conditions/health")),
            Map.entry("就业观念", List.of("/attitudes/misconceptions")),
            Map.entry("求职能力", List.of("/jobSearch/hasResume", "/jobSearch/resumeQuality",
                    "/jobSearch/interviewSkill", "/jobSearch/strategy")),
            Map.entry("家庭情况", List.of("/family/caregiving", "/family/lowIncome", "/family/needsWorkNearHome",
                    "/family/acceptsShiftWork")));

    private Labels() {
    }

    static String field(String pointer) {
        return FIELDS.getOrDefault(pointer, pointer);
    }

    /** A recorded value in words: enums by their zh-CN name, booleans as 是/否, lists joined, nothing as 未记录. */
    static String value(String pointer, Object value) {
        if (value == null) {
            return "未记录";
        }
        if (value instanceof Boolean yes) {
            return yes ? "是" : "否";
        }
        if (value instanceof Collection<?> items) {
            if (items.isEmpty()) {
                return "无";
            }
            StringJoiner joined = new StringJoiner("、");
            items.forEach(item -> joined.add(value(pointer, item)));
            return joined.toString();
        }
        String text = value.toString();
        return VALUES.getOrDefault(pointer, Map.of()).getOrDefault(text, text);
    }

    static String status(Object status) {
        return status == null ? "" : STATUSES.getOrDefault(status.toString(), status.toString());
    }

    static String level(Integer level) {
        return level == null || level < 1 || level > 3 ? "未定级" : LEVELS[level];
    }

    static String support(Integer level) {
        return level == null || level < 1 || level > 3 ? "暂未确定支持等级" : SUPPORT[level];
    }

    /** 陶某 → 陶某某: the first character only, so lists never show a whole name. */
    static String masked(Object name) {
        if (name == null || name.toString().isBlank()) {
            return "(未记录姓名)";
        }
        return PersonalData.maskName(name.toString());
    }
}
