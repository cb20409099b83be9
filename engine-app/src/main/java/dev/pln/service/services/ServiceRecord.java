package dev.pln.service.services;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pln.model.Measure;
import dev.pln.model.MeetingKind;
import dev.pln.model.RecommendationMode;
import java.time.Instant;
import java.time.LocalDate;

/** One delivered measure as stored in the client's case and shown by the API (fields that do not apply are left out). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceRecord(String serviceId, Measure measure, String title, LocalDate deliveredOn, String by,
        String content, RecommendationMode recommendation, MeetingKind meeting, String employer, String position,
        String course, Boolean completed, Instant recordedAt, @JsonIgnore String requestHash) {

    /** This record without its free text (content, employer, position, course): what retention keeps. */
    ServiceRecord withoutFreeText() {
        return new ServiceRecord(serviceId, measure, title, deliveredOn, by, null, recommendation, meeting, null, null,
                null, completed, recordedAt, requestHash);
    }

    boolean hasFreeText() {
        return content != null || employer != null || position != null || course != null;
    }

    static ServiceRecord of(String serviceId, ServiceRequest request, Instant now, String requestHash) {
        return new ServiceRecord(serviceId, request.measure(), request.measure().getTitle(), request.deliveredOn(),
                request.by(), request.content(), request.recommendation(), request.meeting(), request.employer(),
                request.position(), request.course(), request.completed(), now, requestHash);
    }
}
