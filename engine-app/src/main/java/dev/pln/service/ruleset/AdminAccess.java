package dev.pln.service.ruleset;

import dev.pln.service.system.AdminToken;
import dev.pln.service.system.InputProblemException;
import dev.pln.service.system.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the rule set write endpoints with the interim {@link AdminToken}, before anything of the request is
 * read. Also reads who acts, from {@code X-Actor}, for the audit.
 */
@Component
class AdminAccess implements HandlerInterceptor {

    static final String TOKEN_HEADER = AdminToken.HEADER;
    static final String ACTOR_HEADER = "X-Actor";
    static final String UNKNOWN_ACTOR = "unknown";

    private final AdminToken adminToken;

    AdminAccess(AdminToken adminToken) {
        this.adminToken = adminToken;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            adminToken.check(request.getHeader(TOKEN_HEADER), "Rule set changes");
        }
        return true;
    }

    /**
     * Who acts, for the rule set audit: the signed-in user when security is on; otherwise the {@code X-Actor}
     * header (1–64 printable characters) or "unknown".
     */
    static String actor(String header) {
        Optional<String> signedIn = SignedIn.name();
        if (signedIn.isPresent()) {
            return signedIn.get();
        }
        if (header == null || header.isBlank()) {
            return UNKNOWN_ACTOR;
        }
        String actor = header.strip();
        if (actor.length() > 64 || actor.chars().anyMatch(Character::isISOControl)) {
            throw new InputProblemException("The " + ACTOR_HEADER + " header is invalid.",
                    List.of(InputProblemException.FieldError.header(ACTOR_HEADER,
                            "must be 1–64 printable characters")));
        }
        return actor;
    }
}
