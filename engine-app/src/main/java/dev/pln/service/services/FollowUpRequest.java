package dev.pln.service.services;

import dev.pln.model.FollowUpKind;
import dev.pln.service.system.FreeText;
import dev.pln.service.system.InputProblemException.FieldError;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;

/**
 * One follow-up (跟踪回访) as a caseworker records it ({@code POST /api/v1/clients/{clientId}/follow-ups}). The
 * job fields describe the job found and are required (start, contract) or rejected (all) by {@code employed}.
 */
public record FollowUpRequest(
        @NotNull @PastOrPresent LocalDate date,
        @NotBlank @Size(max = 64) String by,
        @NotNull FollowUpKind kind,
        @NotNull Boolean employed,
        @Size(max = 200) String employer,
        @Size(max = 200) String position,
        @PastOrPresent LocalDate startedOn,
        @Min(0) @Max(1_000_000) Integer monthlySalary,
        ContractKind contract,
        @Min(1) @Max(5) Integer satisfaction,
        @FreeText @Size(max = 2000) String note) {

    /** Job fields that contradict {@code employed}, and a start after the follow-up. */
    List<FieldError> shapeErrors() {
        List<FieldError> errors = new ArrayList<>();
        if (employed == null) {
            return errors;
        }
        if (employed) {
            if (startedOn == null) {
                errors.add(new FieldError("/startedOn", "is required when employed is true"));
            }
            if (contract == null) {
                errors.add(new FieldError("/contract", "is required when employed is true"));
            }
            if (startedOn != null && date != null && startedOn.isAfter(date)) {
                errors.add(new FieldError("/startedOn", "cannot be after the follow-up date"));
            }
        }
        else {
            jobField(errors, employer, "/employer");
            jobField(errors, position, "/position");
            jobField(errors, startedOn, "/startedOn");
            jobField(errors, monthlySalary, "/monthlySalary");
            jobField(errors, contract, "/contract");
        }
        return errors;
    }

    private static void jobField(List<FieldError> errors, Object value, String pointer) {
        if (value != null) {
            errors.add(new FieldError(pointer, "describes a job and applies only when employed is true"));
        }
    }
}
