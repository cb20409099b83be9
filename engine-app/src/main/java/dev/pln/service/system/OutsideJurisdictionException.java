package dev.pln.service.system;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Facts sent for a client whose {@code jurisdiction} lies outside the caller's {@link Scope}: a caller may decide
 * only for clients of its own town (and village). Answered 403; nothing is stored. (Reading something outside
 * answers 404 instead, so that its existence is not disclosed; here the caller sent the facts itself.)
 */
public class OutsideJurisdictionException extends ErrorResponseException {

    static final URI TYPE = URI.create("/problems/outside-jurisdiction");

    public OutsideJurisdictionException(Scope scope) {
        super(HttpStatus.FORBIDDEN, problem(scope), null);
    }

    private static ProblemDetail problem(Scope scope) {
        String where = scope.village() == null ? scope.town() : scope.town() + " " + scope.village();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "The client's jurisdiction lies outside yours (" + where + "); nothing was stored.");
        problem.setType(TYPE);
        problem.setTitle("Outside your jurisdiction");
        problem.setProperty("errors", List.of(Map.of("pointer", "/jurisdiction",
                "message", "must lie inside " + where)));
        return problem;
    }
}
