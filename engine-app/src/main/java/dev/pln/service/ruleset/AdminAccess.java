package dev.pln.service.ruleset;

import dev.pln.service.system.InputProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the rule set write endpoints until user roles exist: the {@code X-Admin-Token} header must equal the
 * configured {@code pln.admin-token}. Without a configured token they are closed. Every refusal is 403, and
 * comes before anything of the request is read. Also reads who acts, from {@code X-Actor}, for the audit.
 */
@Component
class AdminAccess implements HandlerInterceptor {

    static final String TOKEN_HEADER = "X-Admin-Token";
    static final String ACTOR_HEADER = "X-Actor";
    static final String UNKNOWN_ACTOR = "unknown";
    static final URI TYPE = URI.create("/problems/admin-token");

    private final AdminSettings settings;

    AdminAccess(AdminSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            check(request.getHeader(TOKEN_HEADER));
        }
        return true;
    }

    /** Lets the request through, or refuses it with 403 saying why. */
    void check(String token) {
        if (!settings.configured()) {
            throw denied("Rule set changes are disabled: no admin token is configured. Set pln.admin-token "
                    + "(environment variable PLN_ADMIN_TOKEN) and send it in the " + TOKEN_HEADER + " header.");
        }
        byte[] expected = settings.adminToken().getBytes(StandardCharsets.UTF_8);
        byte[] given = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw denied("Rule set changes need the " + TOKEN_HEADER + " header with the configured admin token"
                    + (token == null ? "; none was sent." : "; the one sent does not match."));
        }
    }

    /** Who acts, for the audit: the {@code X-Actor} header (1–64 printable characters) or "unknown". */
    static String actor(String header) {
        if (header == null || header.isBlank()) {
            return UNKNOWN_ACTOR;
        }
        String actor = header.strip();
        if (actor.length() > 64 || actor.chars().anyMatch(Character::isISOControl)) {
            throw new InputProblemException("The " + ACTOR_HEADER + " header is invalid.",
                    List.of(InputProblemException.FieldError.header(ACTOR_HEADER, "must be 1–64 printable characters")));
        }
        return actor;
    }

    private static ErrorResponseException denied(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(TYPE);
        problem.setTitle("Forbidden");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
