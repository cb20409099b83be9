package dev.pln.service.services;

import dev.pln.model.Measure;
import dev.pln.model.MeetingKind;
import dev.pln.model.RecommendationMode;
import dev.pln.service.system.FreeText;
import dev.pln.service.system.InputProblemException.FieldError;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One delivered measure as a caseworker records it ({@code POST /api/v1/clients/{clientId}/services}). How a
 * post was recommended and met applies to N3 only, a course to N5 only; whether the client's level may
 * receive the measure at all is for the eligibility rules, not this record.
 */
public record ServiceRequest(
        @NotNull Measure measure,
        @NotNull @PastOrPresent LocalDate deliveredOn,
        @NotBlank @Size(max = 64) String by,
        @FreeText @Size(max = 2000) String content,
        RecommendationMode recommendation,
        MeetingKind meeting,
        @Size(max = 200) String employer,
        @Size(max = 200) String position,
        @Size(max = 200) String course,
        Boolean completed) {

    /** Fields sent that do not apply to this measure, and fields this measure needs that are missing. */
    List<FieldError> shapeErrors() {
        List<FieldError> errors = new ArrayList<>();
        if (measure == null) {
            return errors;
        }
        boolean recommendationMeasure = measure == Measure.N3;
        boolean trainingMeasure = measure == Measure.N5;
        notApplicable(errors, !recommendationMeasure, recommendation, "/recommendation", "N3");
        notApplicable(errors, !recommendationMeasure, meeting, "/meeting", "N3");
        notApplicable(errors, !recommendationMeasure, employer, "/employer", "N3");
        notApplicable(errors, !recommendationMeasure, position, "/position", "N3");
        notApplicable(errors, !trainingMeasure, course, "/course", "N5");
        notApplicable(errors, !trainingMeasure, completed, "/completed", "N5");
        if (recommendationMeasure && recommendation == null) {
            errors.add(new FieldError("/recommendation", "must be DIRECT or TARGETED for N3"));
        }
        if (trainingMeasure && (course == null || course.isBlank())) {
            errors.add(new FieldError("/course", "must name the course for N5"));
        }
        return errors;
    }

    private void notApplicable(List<FieldError> errors, boolean rejected, Object value, String pointer,
            String measureItAppliesTo) {
        if (rejected && value != null) {
            errors.add(new FieldError(pointer, "applies to " + measureItAppliesTo + " only, not to " + measure));
        }
    }
}
