package dev.pln.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session (the login form's) once its user is deleted or its password, roles or jurisdiction
 * change: the request goes on as if nobody had signed in, so a page sends the browser to the login form again and
 * the API answers 401. Requests with their own credentials (Basic, keys, tokens) are checked afresh anyway.
 */
final class StaleSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaleSessionFilter.class);

    private final Accounts accounts;

    StaleSessionFilter(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && signedIn != null && signedIn.getPrincipal() instanceof AccountUserDetails user) {
            Optional<UserAccount> now = accounts.user(user.getUsername());
            if (now.isEmpty() || !Objects.equals(now.get().changedAt(), user.changedAt())) {
                SecurityContextHolder.clearContext();
                session.invalidate();
                log.info("Session of user '{}' ended: the user was deleted or its password, roles or jurisdiction "
                        + "changed", LoginEvents.printable(user.getUsername()));
            }
        }
        chain.doFilter(request, response);
    }
}
