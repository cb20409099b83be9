package dev.pln.service.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records in the {@link AuditTrail} every request that changed something (any successful POST, PUT, PATCH or
 * DELETE but a decision preview, which stores nothing) and every successful read of one client's personal data
 * (the client, its decisions, one decision with its facts, a replay, the review page and the notice sheet).
 * Refused requests leave no trace: they changed nothing and showed nothing. Lists and reports are not recorded;
 * they show no single client's facts.
 */
@Component
@Order(AuditFilter.ORDER)
class AuditFilter extends OncePerRequestFilter {

    /** Inside Spring Security's chain (order -100), so that the signed-in caller is known. */
    static final int ORDER = -99;

    static final String ACTOR_HEADER = "X-Actor";
    static final String ANONYMOUS = "anonymous";
    static final String WRITE = "WRITE";
    static final String READ_PERSONAL_DATA = "READ_PERSONAL_DATA";

    private static final Pattern PERSONAL_READS = Pattern.compile(
            "/api/v1/clients/[^/]+(/decisions)?|/api/v1/decisions/(?!preview$)[^/]+(/counterfactuals)?"
                    + "|/review/decisions/[^/]+(/sheet)?");
    private static final Pattern READS_BY_POST = Pattern.compile("/api/v1/decisions/[^/]+/replay");
    private static final Pattern NOT_A_WRITE = Pattern.compile("/api/v1/decisions/preview");

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

    private final AuditTrail trail;
    private final boolean signedInOnly;

    /**
     * @param signedInOnly whether {@code pln.security.enabled} is on: then who acted is the signed-in caller or
     *        anonymous, never a name sent in the {@code X-Actor} header
     */
    AuditFilter(AuditTrail trail, @Value("${pln.security.enabled:false}") boolean signedInOnly) {
        this.trail = trail;
        this.signedInOnly = signedInOnly;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status >= 400) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String action = action(request.getMethod(), path, request.getParameter("clientId") != null);
        if (action == null) {
            return;
        }
        try {
            Principal principal = request.getUserPrincipal();
            String actor = principal != null ? principal.getName()
                    : signedInOnly ? ANONYMOUS : actor(request.getHeader(ACTOR_HEADER));
            trail.append(actor, action, request.getMethod(), path, status,
                    request.getRemoteAddr());
        }
        catch (RuntimeException ex) {
            // The change is made and answered; what is lost is its line in the trail. Say so, without the body.
            log.error("Audit entry lost for {} {} ({}): {}", request.getMethod(), path, status,
                    ex.getClass().getSimpleName());
        }
    }

    /** What the request was, for the trail, or null when it is nothing the trail records. */
    static String action(String method, String path, boolean listsOneClient) {
        switch (method) {
            case "GET", "HEAD" -> {
                boolean oneClientsDecisions = listsOneClient && path.equals("/api/v1/decisions");
                return PERSONAL_READS.matcher(path).matches() || oneClientsDecisions ? READ_PERSONAL_DATA : null;
            }
            case "POST", "PUT", "PATCH", "DELETE" -> {
                if (NOT_A_WRITE.matcher(path).matches()) {
                    return null;
                }
                return READS_BY_POST.matcher(path).matches() ? READ_PERSONAL_DATA : WRITE;
            }
            default -> {
                return null;
            }
        }
    }

    /** Who acts: the {@code X-Actor} header as sent (trimmed, at most 64 printable characters) or anonymous. */
    static String actor(String header) {
        if (header == null || header.isBlank()) {
            return ANONYMOUS;
        }
        String actor = header.strip();
        if (actor.length() > 64 || actor.chars().anyMatch(Character::isISOControl)) {
            return "invalid-actor-header";
        }
        return actor;
    }
}
