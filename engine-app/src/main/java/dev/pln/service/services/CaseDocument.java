package dev.pln.service.services;

import dev.pln.model.FollowUpKind;
import dev.pln.model.Measure;
import dev.pln.service.engine.DecisionStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One client's case: the decision in force, the services delivered, the follow-ups made and due, and the level
 * history. The summary fields (entry level, first tiered date, employment, retention, counts per measure,
 * transitions) are kept here as each record is added, so reports read them without walking the lists.
 * Saved with an optimistic version: concurrent writers retry instead of losing each other's records.
 */
@Document(CaseDocument.COLLECTION)
final class CaseDocument {

    static final String COLLECTION = "cases";

    @Id
    private final String id;
    private String town;
    private String village;
    private String currentDecisionId;
    private Instant currentDecidedAt;
    private DecisionStatus decisionStatus;
    private Integer level;
    private Integer entryLevel;
    private LocalDate firstTieredOn;
    private ServiceStatus serviceStatus;
    private LocalDate employedOn;
    private boolean publicWelfare;
    private boolean retained3m;
    private boolean retained6m;
    private int unsuccessfulRecommendations;
    private Map<String, Integer> measureCounts;
    private List<String> transitions;
    private List<LevelChange> levelHistory;
    private List<ServiceRecord> services;
    private List<FollowUpRecord> followUps;
    private List<DueFollowUp> due;
    @Version
    private Long version;

    @PersistenceCreator
    CaseDocument(String id, String town, String village, String currentDecisionId, Instant currentDecidedAt,
            DecisionStatus decisionStatus, Integer level, Integer entryLevel, LocalDate firstTieredOn,
            ServiceStatus serviceStatus, LocalDate employedOn, boolean publicWelfare, boolean retained3m,
            boolean retained6m, int unsuccessfulRecommendations, Map<String, Integer> measureCounts,
            List<String> transitions, List<LevelChange> levelHistory, List<ServiceRecord> services,
            List<FollowUpRecord> followUps, List<DueFollowUp> due, Long version) {
        this.id = id;
        this.town = town;
        this.village = village;
        this.currentDecisionId = currentDecisionId;
        this.currentDecidedAt = currentDecidedAt;
        this.decisionStatus = decisionStatus;
        this.level = level;
        this.entryLevel = entryLevel;
        this.firstTieredOn = firstTieredOn;
        this.serviceStatus = serviceStatus;
        this.employedOn = employedOn;
        this.publicWelfare = publicWelfare;
        this.retained3m = retained3m;
        this.retained6m = retained6m;
        this.unsuccessfulRecommendations = unsuccessfulRecommendations;
        this.measureCounts = measureCounts == null ? new LinkedHashMap<>() : new LinkedHashMap<>(measureCounts);
        this.transitions = transitions == null ? new ArrayList<>() : new ArrayList<>(transitions);
        this.levelHistory = levelHistory == null ? new ArrayList<>() : new ArrayList<>(levelHistory);
        this.services = services == null ? new ArrayList<>() : new ArrayList<>(services);
        this.followUps = followUps == null ? new ArrayList<>() : new ArrayList<>(followUps);
        this.due = due == null ? new ArrayList<>() : new ArrayList<>(due);
        this.version = version;
    }

    static CaseDocument open(String clientId) {
        return new CaseDocument(clientId, null, null, null, null, null, null, null, null, null, null, false, false,
                false, 0, null, null, null, null, null, null, null);
    }

    /**
     * Takes a decision into the case: a newer one becomes current, and every tiered one joins the level history
     * in decision order. Returns false when the decision was already taken in (a replayed event).
     */
    boolean decided(String decisionId, Instant decidedAt, DecisionStatus status, Integer decidedLevel,
            LocalDate assessedOn, String decisionTown, String decisionVillage) {
        boolean known = decisionId.equals(currentDecisionId)
                || levelHistory.stream().anyMatch(change -> change.decisionId().equals(decisionId));
        if (known) {
            return false;
        }
        if (currentDecidedAt == null || decidedAt.isAfter(currentDecidedAt)) {
            currentDecisionId = decisionId;
            currentDecidedAt = decidedAt;
            decisionStatus = status;
            level = decidedLevel;
            town = decisionTown;
            village = decisionVillage;
        }
        if (status == DecisionStatus.TIERED && decidedLevel != null) {
            levelHistory.add(LevelChange.between(decisionId, decidedAt, assessedOn, null, decidedLevel));
            rebuildLevelHistory();
            if (serviceStatus == null) {
                serviceStatus = ServiceStatus.IN_SERVICE;
            }
        }
        return true;
    }

    private void rebuildLevelHistory() {
        levelHistory.sort(Comparator.comparing(LevelChange::decidedAt));
        List<LevelChange> rebuilt = new ArrayList<>();
        Integer previous = null;
        for (LevelChange change : levelHistory) {
            rebuilt.add(LevelChange.between(change.decisionId(), change.decidedAt(), change.assessedOn(), previous,
                    change.toLevel()));
            previous = change.toLevel();
        }
        levelHistory = rebuilt;
        LevelChange first = rebuilt.get(0);
        entryLevel = first.toLevel();
        firstTieredOn = first.assessedOn() != null ? first.assessedOn()
                : LocalDate.ofInstant(first.decidedAt(), java.time.ZoneOffset.UTC);
        transitions = rebuilt.stream().filter(change -> change.fromLevel() != null
                && !change.fromLevel().equals(change.toLevel())).map(change -> change.fromLevel() + "-" + change.toLevel())
                .toList();
        transitions = new ArrayList<>(transitions);
    }

    Optional<ServiceRecord> service(String serviceId) {
        return services.stream().filter(service -> service.serviceId().equals(serviceId)).findFirst();
    }

    Optional<FollowUpRecord> followUp(String followUpId) {
        return followUps.stream().filter(followUp -> followUp.followUpId().equals(followUpId)).findFirst();
    }

    void delivered(ServiceRecord service, Optional<DueFollowUp> followUpDue) {
        services.add(service);
        measureCounts.merge(service.measure().name(), 1, Integer::sum);
        followUpDue.ifPresent(due::add);
    }

    /** The latest recommendation (N3) delivered on or before the date. */
    Optional<ServiceRecord> recommendationBefore(LocalDate date) {
        return services.stream().filter(service -> service.measure() == Measure.N3)
                .filter(service -> !service.deliveredOn().isAfter(date))
                .max(Comparator.comparing(ServiceRecord::deliveredOn).thenComparing(ServiceRecord::recordedAt));
    }

    /** Records a follow-up that found the client employed, and the follow-ups that job makes due. */
    void foundEmployed(FollowUpRecord followUp, List<DueFollowUp> nowDue) {
        followUps.add(followUp);
        answered(followUp.kind());
        if (employedOn == null || followUp.startedOn().isBefore(employedOn)) {
            employedOn = followUp.startedOn();
        }
        if (followUp.kind() == FollowUpKind.RETENTION_3M) {
            retained3m = true;
        }
        if (followUp.kind() == FollowUpKind.RETENTION_6M) {
            retained6m = true;
        }
        if (followUp.contract() == ContractKind.PUBLIC_WELFARE) {
            publicWelfare = true;
            serviceStatus = ServiceStatus.PUBLIC_WELFARE_POST;
        }
        else {
            serviceStatus = followUp.kind() == FollowUpKind.RETENTION_6M ? ServiceStatus.CLOSED : ServiceStatus.EMPLOYED;
        }
        if (!nowDue.isEmpty()) {
            due.removeIf(entry -> entry.kind() != FollowUpKind.AFTER_RECOMMENDATION);
            due.addAll(nowDue);
        }
    }

    /** The day the case closed: the six-month retention follow-up that found the client still employed. */
    Optional<LocalDate> closedOn() {
        if (serviceStatus != ServiceStatus.CLOSED) {
            return Optional.empty();
        }
        return followUps.stream().filter(f -> f.kind() == FollowUpKind.RETENTION_6M && f.employed())
                .map(FollowUpRecord::date).max(Comparator.naturalOrder());
    }

    /**
     * Drops the free text of every service and follow-up and replaces the village by {@code placeholder};
     * returns whether anything changed.
     */
    boolean pseudonymise(String placeholder) {
        boolean any = services.stream().anyMatch(ServiceRecord::hasFreeText)
                || followUps.stream().anyMatch(FollowUpRecord::hasFreeText)
                || village != null && !village.equals(placeholder);
        services.replaceAll(ServiceRecord::withoutFreeText);
        followUps.replaceAll(FollowUpRecord::withoutFreeText);
        village = village == null ? null : placeholder;
        return any;
    }

    /** Records a follow-up that found the client without a job: the client is back in service. */
    void foundNotEmployed(FollowUpRecord followUp) {
        followUps.add(followUp);
        answered(followUp.kind());
        if (followUp.kind() == FollowUpKind.AFTER_RECOMMENDATION) {
            unsuccessfulRecommendations++;
        }
        else {
            due.removeIf(entry -> entry.kind() != FollowUpKind.AFTER_RECOMMENDATION);
        }
        serviceStatus = ServiceStatus.IN_SERVICE;
    }

    private void answered(FollowUpKind kind) {
        due.stream().filter(entry -> entry.kind() == kind).min(Comparator.comparing(DueFollowUp::dueOn))
                .ifPresent(due::remove);
    }

    String id() {
        return id;
    }

    String town() {
        return town;
    }

    String currentDecisionId() {
        return currentDecisionId;
    }

    DecisionStatus decisionStatus() {
        return decisionStatus;
    }

    Integer level() {
        return level;
    }

    LocalDate firstTieredOn() {
        return firstTieredOn;
    }

    ServiceStatus serviceStatus() {
        return serviceStatus;
    }

    int unsuccessfulRecommendations() {
        return unsuccessfulRecommendations;
    }

    List<ServiceRecord> services() {
        return List.copyOf(services);
    }

    List<FollowUpRecord> followUps() {
        return List.copyOf(followUps);
    }

    List<DueFollowUp> due() {
        return due.stream().sorted(Comparator.comparing(DueFollowUp::dueOn)).toList();
    }

    List<LevelChange> levelHistory() {
        return List.copyOf(levelHistory);
    }

    CaseSummary summary() {
        return new CaseSummary(id, town, entryLevel, level, firstTieredOn, !measureCounts.isEmpty(),
                employedOn, publicWelfare, retained3m, retained6m, Map.copyOf(measureCounts), List.copyOf(transitions));
    }
}
