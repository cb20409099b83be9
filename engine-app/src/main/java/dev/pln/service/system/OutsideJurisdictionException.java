package dev.pln.service.system;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request that reaches beyond the caller's {@link Scope}: facts of a client outside it (a caller decides only for
 * clients of its own town and village), or a change that applies to the whole district (activating a rule set).
 * Answered 403; nothing is stored. (Reading something outside answers 404 instead, so that its existence is not
 * disclosed; here the caller named it itself.)
 */
public class OutsideJurisdictionException extends ErrorResponseException {

    static final URI TYPE = URI.create("/problems/outside-jurisdiction");

    /** Facts of a client outside the caller's scope. */
    public OutsideJurisdictionException(Scope scope) {
        super(HttpStatus.FORBIDDEN, problem("The client's jurisdiction lies outside yours (" + where(scope)
                + "); nothing was stored."), null);
        getBody().setProperty("errors", List.of(Map.of("pointer", "/jurisdiction", "message",
                "must lie inside " + where(scope))));
    }

    /** Something that reaches beyond the caller's scope, as {@code detail} says. */
    public OutsideJurisdictionException(Scope scope, String detail) {
        super(HttpStatus.FORBIDDEN, problem(detail + " Yours is " + where(scope) + "."), null);
    }

    private static String where(Scope scope) {
        return scope.village() == null ? scope.town() : scope.town() + " " + scope.village();
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(TYPE);
        problem.setTitle("Outside your jurisdiction");
        return problem;
    }
}
