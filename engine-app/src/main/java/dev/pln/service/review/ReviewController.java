package dev.pln.service.review;

import dev.pln.service.decision.DecisionCriteria;
import dev.pln.service.decision.DecisionPage;
import dev.pln.service.decision.DecisionView;
import dev.pln.service.decision.Decisions;
import dev.pln.service.engine.DecisionStatus;
import dev.pln.service.system.ConflictingRequestException;
import dev.pln.service.system.InputProblemException;
import dev.pln.service.system.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewer pages: server-rendered, zh-CN, working without JavaScript. Overrides and flags are plain
 * HTML forms that post and redirect back; their inputs are validated like the API's, with messages in
 * Chinese. With security on, each form carries its CSRF token and who acts is the signed-in user.
 */
@Controller
@RequestMapping("/review")
class ReviewController {

    static final int PAGE_SIZE = 20;

    private static final Map<String, String> MESSAGES = Map.of(
            "level", "请选择一级、二级或三级",
            "reasonCode", "请从列表中选择调整理由",
            "reason", "请填写调整说明(不超过500字)",
            "by", "请填写经办人(不超过64个字符)",
            "comment", "请填写标记说明(不超过1000字)");

    private final Decisions decisions;
    private final Counterfactuals counterfactuals;
    private final Overrides overrides;
    private final Flags flags;
    private final LevelRules levelRules;
    private final Overview overview;
    private final Validator validator;

    ReviewController(Decisions decisions, Counterfactuals counterfactuals, Overrides overrides, Flags flags,
            LevelRules levelRules, Overview overview, Validator validator) {
        this.decisions = decisions;
        this.counterfactuals = counterfactuals;
        this.overrides = overrides;
        this.flags = flags;
        this.levelRules = levelRules;
        this.overview = overview;
        this.validator = validator;
    }

    /** One row of the list: never the whole name. */
    record ListRow(String decisionId, String maskedName, String town, String levelText, String statusText,
            String rulesetVersion, String decidedAt) {
    }

    @GetMapping({ "", "/" })
    String home() {
        return "redirect:/review/decisions";
    }

    @GetMapping("/decisions")
    String list(@RequestParam(required = false) @Min(1) @Max(3) Integer level,
            @RequestParam(required = false) DecisionStatus status,
            @RequestParam(required = false) @Size(max = 100) String town,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Size(max = 64) String ruleset,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page, Model model) {
        DecisionCriteria criteria = new DecisionCriteria(level, status, blankToNull(town), from, to,
                blankToNull(ruleset));
        DecisionPage found = decisions.search(criteria, page, PAGE_SIZE);
        List<ListRow> rows = new ArrayList<>();
        for (DecisionView decision : found.items()) {
            Object town1 = DecisionReading.at(decision.facts(), "/jurisdiction/town");
            rows.add(new ListRow(decision.decisionId(), Labels.masked(decision.facts().get("name")),
                    town1 == null ? "未记录" : town1.toString(), Labels.level(decision.level()),
                    Labels.status(decision.status()), decision.ruleset().version(),
                    decision.decidedAt().toString().replace('T', ' ').replace("Z", " UTC")));
        }
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("level", level);
        filter.put("status", status);
        filter.put("town", town);
        filter.put("from", from);
        filter.put("to", to);
        filter.put("ruleset", ruleset);
        model.addAttribute("rows", rows);
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        model.addAttribute("total", found.total());
        model.addAttribute("hasPrevious", page > 0);
        model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < found.total());
        model.addAttribute("query", query(filter));
        return "review/decisions";
    }

    @GetMapping("/decisions/{decisionId}")
    String decision(@PathVariable String decisionId, Model model) {
        DecisionView whole = decisions.findForEvaluation(decisionId)
                .orElseThrow(() -> new ResourceNotFoundException("No decision with id " + decisionId + "."));
        // Counterfactuals are decided on the whole facts; the page shows them as the reader may see them.
        model.addAttribute("r", DecisionReading.of(Decisions.asSeen(whole), overrides.effectiveLevel(decisionId),
                counterfactuals.of(whole), levelRules.all()));
        model.addAttribute("overrides", overrides.forDecision(decisionId));
        model.addAttribute("flags", flags.forDecision(decisionId));
        model.addAttribute("reasons", OverrideReason.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", List.of());
        }
        return "review/decision";
    }

    @PostMapping("/decisions/{decisionId}/overrides")
    String override(@PathVariable String decisionId, @RequestParam(required = false) String level,
            @RequestParam(required = false) String reasonCode, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String by, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        existing(decisionId);
        List<String> errors = new ArrayList<>();
        OverrideRequest request = new OverrideRequest(parseLevel(level, errors), parseReason(reasonCode, errors),
                reason, by);
        errors.addAll(violations(validator.validate(request)));
        if (errors.isEmpty()) {
            try {
                overrides.propose(decisionId, request);
                redirect.addFlashAttribute("notice", "已记录等级调整。");
                return "redirect:/review/decisions/" + decisionId + "#overrides";
            }
            catch (InputProblemException ex) {
                errors.add(businessMessage(ex));
            }
            catch (ConflictingRequestException ex) {
                errors.add("该决定未定级,不能调整等级。");
            }
        }
        return rejected(decisionId, errors, model, response);
    }

    @PostMapping("/decisions/{decisionId}/overrides/{overrideId}/confirm")
    String confirm(@PathVariable String decisionId, @PathVariable String overrideId,
            @RequestParam(required = false) String by, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        existing(decisionId);
        List<String> errors = new ArrayList<>(violations(validator.validate(new ConfirmationRequest(by))));
        if (errors.isEmpty()) {
            try {
                overrides.confirm(decisionId, overrideId, by);
                redirect.addFlashAttribute("notice", "已确认等级调整,调整后的等级现已生效。");
                return "redirect:/review/decisions/" + decisionId + "#overrides";
            }
            catch (InputProblemException ex) {
                errors.add("确认人须为提出调整者以外的另一人。");
            }
            catch (ConflictingRequestException ex) {
                errors.add("该调整已经生效,无需再次确认。");
            }
        }
        return rejected(decisionId, errors, model, response);
    }

    @PostMapping("/decisions/{decisionId}/flags")
    String flag(@PathVariable String decisionId, @RequestParam(required = false) String comment,
            @RequestParam(required = false) String by, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        existing(decisionId);
        FlagRequest request = new FlagRequest(comment, by);
        List<String> errors = violations(validator.validate(request));
        if (errors.isEmpty()) {
            flags.raise(decisionId, request);
            redirect.addFlashAttribute("notice", "已标记此决定。");
            return "redirect:/review/decisions/" + decisionId + "#flags";
        }
        return rejected(decisionId, errors, model, response);
    }

    @GetMapping("/decisions/{decisionId}/sheet")
    String sheet(@PathVariable String decisionId, Model model) {
        DecisionView decision = existing(decisionId);
        Integer effective = decision.status() == DecisionStatus.TIERED
                ? overrides.effectiveLevel(decisionId).orElse(decision.level())
                : null;
        model.addAttribute("decision", decision);
        model.addAttribute("maskedName", Labels.masked(decision.facts().get("name")));
        model.addAttribute("supportText", Labels.support(effective));
        model.addAttribute("level", effective);
        model.addAttribute("dimensions", DecisionReading.dimensions(decision.facts()));
        model.addAttribute("decidedOn", decision.decidedAt().toString().substring(0, 10));
        return "review/sheet";
    }

    @GetMapping("/overview")
    String overview(Model model) {
        model.addAttribute("o", overview.report());
        model.addAttribute("barWidth", Overview.BAR_WIDTH);
        return "review/overview";
    }

    private String rejected(String decisionId, List<String> errors, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", errors);
        return decision(decisionId, model);
    }

    private DecisionView existing(String decisionId) {
        return decisions.find(decisionId)
                .orElseThrow(() -> new ResourceNotFoundException("No decision with id " + decisionId + "."));
    }

    private static Integer parseLevel(String level, List<String> errors) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(level.trim());
        }
        catch (NumberFormatException ex) {
            errors.add(MESSAGES.get("level"));
            return 0;
        }
    }

    private static OverrideReason parseReason(String code, List<String> errors) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return OverrideReason.valueOf(code.trim());
        }
        catch (IllegalArgumentException ex) {
            errors.add(MESSAGES.get("reasonCode"));
            return OverrideReason.FACTS_CHANGED;
        }
    }

    private static <T> List<String> violations(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(v -> MESSAGES.getOrDefault(v.getPropertyPath().toString(), "输入有误"))
                .distinct().sorted().toList();
    }

    private static String businessMessage(InputProblemException ex) {
        String pointer = ex.errors().isEmpty() ? "" : ex.errors().get(0).pointer();
        if ("/level".equals(pointer)) {
            return "调整后的等级须不同于规则评定的等级。";
        }
        if ("/reasonCode".equals(pointer)) {
            return "调低等级会减少所享受的服务,只能选择允许调低的理由(见审核指南),并须由另一人确认。";
        }
        return "输入有误。";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static String query(Map<String, Object> filter) {
        StringBuilder query = new StringBuilder();
        filter.forEach((key, value) -> {
            if (value != null && !value.toString().isBlank()) {
                query.append('&').append(key).append('=')
                        .append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }
}
