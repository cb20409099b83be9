package dev.pln.service.services;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.pln.model.FollowUpKind;
import dev.pln.service.engine.PlanItem;
import dev.pln.service.engine.RuleReference;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One follow-up as stored in the client's case: what was found and, when the client was not employed, the next
 * plan and any fallback placement the rules called for at the time.
 */
public record FollowUpRecord(String followUpId, LocalDate date, String by, FollowUpKind kind, boolean employed,
        String employer, String position, LocalDate startedOn, Integer monthlySalary, ContractKind contract,
        Integer satisfaction, String note, List<PlanItem> nextPlan, List<RuleReference> publicWelfarePlacement,
        Instant recordedAt, @JsonIgnore String requestHash) {

    /** This record without its free text (employer, position, note): the outcome itself stays. */
    FollowUpRecord withoutFreeText() {
        return new FollowUpRecord(followUpId, date, by, kind, employed, null, null, startedOn, monthlySalary, contract,
                satisfaction, null, nextPlan, publicWelfarePlacement, recordedAt, requestHash);
    }

    boolean hasFreeText() {
        return employer != null || position != null || note != null;
    }

    static FollowUpRecord of(String followUpId, FollowUpRequest request, List<PlanItem> nextPlan,
            List<RuleReference> placement, Instant now, String requestHash) {
        return new FollowUpRecord(followUpId, request.date(), request.by(), request.kind(), request.employed(),
                request.employer(), request.position(), request.startedOn(), request.monthlySalary(),
                request.contract(), request.satisfaction(), request.note(), nextPlan, placement, now, requestHash);
    }
}
