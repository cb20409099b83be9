package dev.pln.service.services;

import dev.pln.model.FollowUpKind;
import dev.pln.model.FollowUpOutcome;
import dev.pln.model.Measure;
import dev.pln.model.ServiceHistory;
import dev.pln.service.decision.DecisionMade;
import dev.pln.service.decision.DecisionView;
import dev.pln.service.decision.Decisions;
import dev.pln.service.engine.DecisionEngine;
import dev.pln.service.engine.DecisionStatus;
import dev.pln.service.engine.FollowUpAdvice;
import dev.pln.service.engine.PlanItem;
import dev.pln.service.engine.RuleReference;
import dev.pln.service.review.Overrides;
import dev.pln.service.system.ConflictingRequestException;
import dev.pln.service.system.InputProblemException;
import dev.pln.service.system.ResourceNotFoundException;
import dev.pln.service.system.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers services and records follow-ups on each client's case. The rules decide: a measure is delivered only
 * if the eligibility rules grant it to the client's current level, and a follow-up without a job asks the
 * follow-up and fallback rules what comes next. Writes are idempotent under an Idempotency-Key like decisions.
 */
@Service
public class Casework {

    private static final String[] LEVEL_NAMES = { "", "一级", "二级", "三级" };
    private static final int MAX_IDEMPOTENCY_KEY = 255;
    private static final int MAX_ATTEMPTS = 20;
    private static final int PAGE = 5_000;

    private final MongoTemplate mongo;
    private final DecisionEngine engine;
    private final Decisions decisions;
    private final Overrides overrides;
    private final ServiceSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    Casework(MongoTemplate mongo, DecisionEngine engine, Decisions decisions, Overrides overrides,
            ServiceSettings settings, JsonMapper json, Optional<Clock> clock) {
        this.mongo = mongo;
        this.engine = engine;
        this.decisions = decisions;
        this.overrides = overrides;
        this.settings = settings;
        this.json = json;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** A delivered service, the client's service status and plan after it, and whether this call stored it. */
    public record Delivered(ServiceRecord service, ServiceStatus serviceStatus, List<PlanProgress> plan,
            boolean created) {
    }

    /** One item of the current decision's plan and how often it has been delivered so far. */
    public record PlanProgress(Measure measure, String title, String reason, String ruleId, int delivered,
            LocalDate lastDeliveredOn) {
    }

    /** A recorded follow-up, the service status after it, and whether this call stored it. */
    public record FollowedUp(FollowUpRecord followUp, ServiceStatus serviceStatus, List<PlanItem> nextPlan,
            List<RuleReference> publicWelfarePlacement, boolean created) {
    }

    /** A client's case as the client endpoint shows it. */
    public record CaseView(ServiceStatus serviceStatus, List<ServiceRecord> services, List<FollowUpRecord> followUps,
            List<DueFollowUp> followUpsDue, List<LevelChange> levelHistory) {
    }

    /** A closed case and the day it closed. */
    public record ClosedCase(String clientId, LocalDate closedOn) {
    }

    /** A follow-up due, with the client it is due for. */
    public record Due(String clientId, FollowUpKind kind, LocalDate dueOn, String why) {
    }

    @EventListener
    void on(DecisionMade decision) {
        LocalDate assessedOn = assessedOn(decision.facts());
        String town = jurisdiction(decision.facts(), "town");
        String village = jurisdiction(decision.facts(), "village");
        retrying(() -> {
            CaseDocument kase = find(decision.clientId()).orElseGet(() -> CaseDocument.open(decision.clientId()));
            if (kase.decided(decision.decisionId(), decision.decidedAt(), decision.status(), decision.level(),
                    assessedOn, town, village)) {
                mongo.save(kase);
            }
            return null;
        });
    }

    /**
     * Records a delivered measure if the eligibility rules grant it to the client's current level; refuses it
     * (storing nothing) when the client is not tiered or the level may not receive it.
     */
    public Delivered deliver(String clientId, ServiceRequest request, String idempotencyKey) {
        rejectBadShape(request.shapeErrors());
        String requestHash = hash(request);
        String serviceId = idOf("service", clientId, idempotencyKey);
        return retrying(() -> {
            CaseDocument kase = existing(clientId);
            Optional<ServiceRecord> earlier = kase.service(serviceId);
            if (earlier.isPresent()) {
                sameRequest(earlier.get().requestHash(), requestHash);
                return new Delivered(earlier.get(), kase.serviceStatus(), plan(kase), false);
            }
            checkEligible(kase, request.measure());
            ServiceRecord service = ServiceRecord.of(serviceId, request, now(), requestHash);
            Optional<DueFollowUp> followUpDue = request.measure() == Measure.N3
                    ? Optional.of(new DueFollowUp(FollowUpKind.AFTER_RECOMMENDATION,
                            request.deliveredOn().plusDays(settings.afterRecommendationDays()),
                            "推荐岗位(N3," + request.deliveredOn() + ")后跟踪回访,了解就业状况和满意度"))
                    : Optional.empty();
            kase.delivered(service, followUpDue);
            mongo.save(kase);
            return new Delivered(service, kase.serviceStatus(), plan(kase), true);
        });
    }

    /**
     * Records a follow-up. Employed: the case turns EMPLOYED (or PUBLIC_WELFARE_POST) and retention follow-ups
     * (or the post's review) fall due. Not employed: the rules give the next plan and any fallback placement.
     */
    public FollowedUp followUp(String clientId, FollowUpRequest request, String idempotencyKey) {
        rejectBadShape(request.shapeErrors());
        String requestHash = hash(request);
        String followUpId = idOf("follow-up", clientId, idempotencyKey);
        return retrying(() -> {
            CaseDocument kase = existing(clientId);
            Optional<FollowUpRecord> earlier = kase.followUp(followUpId);
            if (earlier.isPresent()) {
                sameRequest(earlier.get().requestHash(), requestHash);
                FollowUpRecord record = earlier.get();
                return new FollowedUp(record, kase.serviceStatus(), record.nextPlan(), record.publicWelfarePlacement(),
                        false);
            }
            checkEligible(kase, Measure.N6);
            FollowUpRecord record;
            if (request.employed()) {
                record = FollowUpRecord.of(followUpId, request, List.of(), List.of(), now(), requestHash);
                kase.foundEmployed(record, dueAfterJob(request));
            }
            else {
                FollowUpAdvice advice = engine.adviseAfterFollowUp(effectiveLevel(kase), outcome(kase, request),
                        history(kase, request));
                record = FollowUpRecord.of(followUpId, request, advice.nextPlan(), advice.publicWelfarePlacement(),
                        now(), requestHash);
                kase.foundNotEmployed(record);
            }
            mongo.save(kase);
            return new FollowedUp(record, kase.serviceStatus(), record.nextPlan(), record.publicWelfarePlacement(),
                    true);
        });
    }

    /** Follow-ups due before the date (exclusive), optionally in one town, earliest first. */
    public List<Due> due(LocalDate before, String town) {
        Query query = Query.query(Criteria.where("due").elemMatch(Criteria.where("dueOn").lt(before)));
        Optional.ofNullable(town(town)).ifPresent(query::addCriteria);
        query.fields().exclude("services", "followUps", "levelHistory");
        List<Due> due = new ArrayList<>();
        inPages(query, kase -> kase.due().stream().filter(entry -> entry.dueOn().isBefore(before))
                .forEach(entry -> due.add(new Due(kase.id(), entry.kind(), entry.dueOn(), entry.why()))));
        due.sort(Comparator.comparing(Due::dueOn).thenComparing(Due::clientId));
        return due;
    }

    /** The client's case, if the client has one. */
    public Optional<CaseView> caseOf(String clientId) {
        return find(clientId).filter(this::inScope).map(kase -> new CaseView(kase.serviceStatus(), kase.services(),
                kase.followUps(),
                kase.due(), kase.levelHistory()));
    }

    /**
     * The report summaries of tiered clients first tiered within the dates (inclusive, either open), optionally
     * in one town. Reads the summary fields only.
     */
    public List<CaseSummary> summaries(LocalDate from, LocalDate to, String town) {
        Criteria tiered = Criteria.where("firstTieredOn").exists(true).ne(null);
        if (from != null && to != null) {
            tiered = tiered.gte(from).lte(to);
        }
        else if (from != null) {
            tiered = tiered.gte(from);
        }
        else if (to != null) {
            tiered = tiered.lte(to);
        }
        Query query = Query.query(tiered);
        Optional.ofNullable(town(town)).ifPresent(query::addCriteria);
        query.fields().exclude("services", "followUps", "due", "levelHistory");
        List<CaseSummary> summaries = new ArrayList<>();
        inPages(query, kase -> summaries.add(kase.summary()));
        return summaries;
    }

    /** The cases closed before {@code cutoff} (exclusive), oldest first. */
    public List<ClosedCase> closedBefore(LocalDate cutoff) {
        Query query = Query.query(Criteria.where("serviceStatus").is(ServiceStatus.CLOSED));
        query.fields().exclude("services", "due", "levelHistory");
        List<ClosedCase> closed = new ArrayList<>();
        inPages(query, kase -> kase.closedOn().filter(day -> day.isBefore(cutoff))
                .ifPresent(day -> closed.add(new ClosedCase(kase.id(), day))));
        closed.sort(Comparator.comparing(ClosedCase::closedOn).thenComparing(ClosedCase::clientId));
        return closed;
    }

    /**
     * Drops the free text (what was done, employer, position, notes) of the client's services and follow-ups and
     * replaces the case's village by {@code placeholder}; dates, measures, outcomes and the summary fields reports
     * read stay. Returns whether the client has a case.
     */
    public boolean pseudonymise(String clientId, String placeholder) {
        return retrying(() -> find(clientId).map(kase -> {
            if (kase.pseudonymise(placeholder)) {
                mongo.save(kase);
            }
            return true;
        }).orElse(false));
    }

    /**
     * Streams the matching cases in cursor batches: one scan, and each reply stays far below the wire limit
     * (48 MB) that a single reply for 100 000 cases exceeds.
     */
    private void inPages(Query query, java.util.function.Consumer<CaseDocument> each) {
        try (java.util.stream.Stream<CaseDocument> cases = mongo.stream(Query.of(query).cursorBatchSize(PAGE),
                CaseDocument.class)) {
            cases.forEach(each);
        }
    }

    /** The level services follow: a caseworker's effective override of the current decision, else the rules'. */
    private int effectiveLevel(CaseDocument kase) {
        return overrides.effectiveLevel(kase.currentDecisionId()).orElse(kase.level());
    }

    private void checkEligible(CaseDocument kase, Measure measure) {
        if (kase.decisionStatus() != DecisionStatus.TIERED || kase.level() == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("measure", measure.name());
            properties.put("decisionStatus", String.valueOf(kase.decisionStatus()));
            throw new ServiceRefusedException("该服务对象当前决定未定级(" + kase.decisionStatus()
                    + "),不能提供帮扶措施;请先补充信息或重新评估,定级后再记录服务。", properties);
        }
        int level = effectiveLevel(kase);
        if (engine.eligibleMeasures(level).containsKey(measure)) {
            return;
        }
        RuleReference granting = null;
        List<Integer> levels = new ArrayList<>();
        for (int other = 1; other <= 3; other++) {
            RuleReference rule = engine.eligibleMeasures(other).get(measure);
            if (rule != null) {
                levels.add(other);
                granting = granting == null ? rule : granting;
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("measure", measure.name());
        properties.put("level", level);
        properties.put("eligibleLevels", levels);
        String detail = measure.name() + " " + measure.getTitle() + "不适用于" + LEVEL_NAMES[level] + "帮扶对象";
        if (granting != null) {
            properties.put("ruleId", granting.ruleId());
            properties.put("reason", granting.reason());
            properties.put("policyRef", granting.policyRef());
            detail += ":" + granting.reason() + "(规则 " + granting.ruleId() + ")。";
        }
        else {
            detail += ":现行规则未向任何等级开放此措施。";
        }
        throw new ServiceRefusedException(detail, properties);
    }

    private List<DueFollowUp> dueAfterJob(FollowUpRequest request) {
        LocalDate start = request.startedOn();
        if (request.contract() == ContractKind.PUBLIC_WELFARE) {
            LocalDate review = start.plusMonths(settings.publicWelfareTermMonths())
                    .minusDays(settings.publicWelfareReviewDaysBefore());
            return List.of(new DueFollowUp(FollowUpKind.PUBLIC_WELFARE_REVIEW, review,
                    "公益性岗位(" + start + " 起," + settings.publicWelfareTermMonths() + " 个月)期满前复核"));
        }
        if (request.kind() == FollowUpKind.RETENTION_3M || request.kind() == FollowUpKind.RETENTION_6M) {
            return List.of();
        }
        return List.of(
                new DueFollowUp(FollowUpKind.RETENTION_3M, start.plusMonths(3), "上岗(" + start + ")满3个月稳岗回访"),
                new DueFollowUp(FollowUpKind.RETENTION_6M, start.plusMonths(6), "上岗(" + start + ")满6个月稳岗回访"));
    }

    private static FollowUpOutcome outcome(CaseDocument kase, FollowUpRequest request) {
        if (request.kind() != FollowUpKind.AFTER_RECOMMENDATION) {
            return new FollowUpOutcome(request.kind(), false, null, null);
        }
        Optional<ServiceRecord> recommendation = kase.recommendationBefore(request.date());
        return new FollowUpOutcome(request.kind(), false,
                recommendation.map(ServiceRecord::recommendation).orElse(null),
                recommendation.map(ServiceRecord::meeting).orElse(null));
    }

    private static ServiceHistory history(CaseDocument kase, FollowUpRequest request) {
        long days = kase.firstTieredOn() == null ? 0
                : Math.max(0, ChronoUnit.DAYS.between(kase.firstTieredOn(), request.date()));
        int unsuccessful = kase.unsuccessfulRecommendations()
                + (request.kind() == FollowUpKind.AFTER_RECOMMENDATION ? 1 : 0);
        return new ServiceHistory((int) Math.min(days, Integer.MAX_VALUE), unsuccessful);
    }

    private List<PlanProgress> plan(CaseDocument kase) {
        if (kase.currentDecisionId() == null) {
            return List.of();
        }
        List<PlanItem> items = decisions.find(kase.currentDecisionId()).map(DecisionView::plan).orElse(List.of());
        List<ServiceRecord> services = kase.services();
        List<PlanProgress> plan = new ArrayList<>();
        for (PlanItem item : items) {
            List<ServiceRecord> done = services.stream().filter(service -> service.measure() == item.measure())
                    .toList();
            LocalDate last = done.stream().map(ServiceRecord::deliveredOn).max(Comparator.naturalOrder()).orElse(null);
            plan.add(new PlanProgress(item.measure(), item.title(), item.reason(), item.ruleId(), done.size(), last));
        }
        return plan;
    }

    /** The client's case; outside the caller's {@link Scope} (its current decision is), there is none. */
    private CaseDocument existing(String clientId) {
        return find(clientId).filter(this::inScope)
                .orElseThrow(() -> new ResourceNotFoundException("No client with id " + clientId + "."));
    }

    private boolean inScope(CaseDocument kase) {
        return Scope.current().isEmpty() || kase.currentDecisionId() == null
                || decisions.find(kase.currentDecisionId()).isPresent();
    }

    /**
     * The place condition of a case query: the requested town, narrowed to the caller's {@link Scope} (town and
     * village); another town than the caller's matches nothing. Null: no condition.
     */
    private static Criteria town(String requested) {
        Scope scope = Scope.currentTown().orElse(null);
        if (scope == null) {
            return requested == null ? null : Criteria.where("town").is(requested);
        }
        if (requested != null && !requested.equals(scope.town())) {
            return Criteria.where("town").in(List.of());
        }
        Criteria place = Criteria.where("town").is(scope.town());
        return scope.village() == null ? place : place.and("village").is(scope.village());
    }

    private Optional<CaseDocument> find(String clientId) {
        return Optional.ofNullable(mongo.findById(clientId, CaseDocument.class));
    }

    /** Re-reads and re-applies a change that lost a race with another writer of the same case. */
    private static <T> T retrying(Supplier<T> change) {
        for (int attempt = 1;; attempt++) {
            try {
                return change.get();
            }
            catch (OptimisticLockingFailureException | DuplicateKeyException raced) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private static void rejectBadShape(List<InputProblemException.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InputProblemException("The request body does not fit this kind of record.", errors);
        }
    }

    private static void sameRequest(String earlierHash, String requestHash) {
        if (!earlierHash.equals(requestHash)) {
            throw new ConflictingRequestException(
                    "This Idempotency-Key was already used with a different request body; nothing was stored.");
        }
    }

    private static String idOf(String kind, String clientId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        if (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InputProblemException("The Idempotency-Key header is invalid.", List.of(
                    InputProblemException.FieldError.header("Idempotency-Key", "must be 1–" + MAX_IDEMPOTENCY_KEY
                            + " characters")));
        }
        return UUID.nameUUIDFromBytes((kind + ":" + clientId + ":" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private String hash(Object request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static LocalDate assessedOn(Map<String, Object> facts) {
        Object value = facts == null ? null : facts.get("assessedOn");
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString());
        }
        catch (java.time.format.DateTimeParseException notADate) {
            return null;
        }
    }

    private static String jurisdiction(Map<String, Object> facts, String key) {
        Object jurisdiction = facts == null ? null : facts.get("jurisdiction");
        if (jurisdiction instanceof Map<?, ?> where && where.get(key) != null) {
            return where.get(key).toString();
        }
        return null;
    }
}
