package dev.pln.service.report;

import dev.pln.service.system.InputProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The report endpoints of the HTTP contract ({@code /api/v1/reports}). */
@RestController
@RequestMapping(path = "/api/v1/reports", produces = MediaType.APPLICATION_JSON_VALUE)
class ReportController {

    private final OutcomeReports reports;

    ReportController(OutcomeReports reports) {
        this.reports = reports;
    }

    @GetMapping("/outcomes")
    @Operation(summary = "Outcomes of the clients first tiered between from and to, in total and by entry level")
    OutcomeReport outcomes(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) @Size(min = 1, max = 100) String town) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InputProblemException("The report period is empty.",
                    List.of(InputProblemException.FieldError.parameter("from", "must not be after to")));
        }
        return reports.report(from, to, town);
    }
}
