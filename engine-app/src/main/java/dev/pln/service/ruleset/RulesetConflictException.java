package dev.pln.service.ruleset;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A rule set request that contradicts the stored state (the version exists, scenarios fail): 409. */
class RulesetConflictException extends ErrorResponseException {

    static final URI TYPE = URI.create("/problems/ruleset-conflict");

    RulesetConflictException(String detail, Map<String, Object> properties) {
        super(HttpStatus.CONFLICT, problem(detail, properties), null);
    }

    RulesetConflictException(String detail) {
        this(detail, Map.of());
    }

    private static ProblemDetail problem(String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(TYPE);
        problem.setTitle("Conflict with the stored rule sets");
        properties.forEach(problem::setProperty);
        return problem;
    }
}
