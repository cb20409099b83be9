package dev.pln.service.ruleset;

import dev.pln.service.engine.BuildProblem;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An upload that is not a safe, compilable rule set: 422 with {@code errors: [{file, line, column, message}]}. */
class RulesetRejectedException extends ErrorResponseException {

    static final URI TYPE = URI.create("/problems/ruleset-rejected");

    private final transient List<BuildProblem> errors;

    RulesetRejectedException(String version, String detail, List<BuildProblem> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(version, detail, errors), null);
        this.errors = List.copyOf(errors);
    }

    List<BuildProblem> errors() {
        return errors;
    }

    private static ProblemDetail problem(String version, String detail, List<BuildProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setType(TYPE);
        problem.setTitle("Rule set rejected");
        if (version != null) {
            problem.setProperty("version", version);
        }
        problem.setProperty("errors", List.copyOf(errors));
        return problem;
    }
}
