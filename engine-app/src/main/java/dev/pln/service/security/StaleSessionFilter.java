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
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session (the login form's) once its user is deleted or its password, roles or jurisdiction
 * change: the request is answered as one without credentials — a page sends the browser to the login form again,
 * the API answers 401. Requests with their own credentials (Basic, keys, tokens) are checked afresh anyway.
 */
final class StaleSessionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaleSessionFilter.class);

    private final Accounts accounts;
    private final AuthenticationEntryPoint entryPoint;

    StaleSessionFilter(Accounts accounts, AuthenticationEntryPoint entryPoint) {
        this.accounts = accounts;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Optional<AccountUserDetails> signedIn = CurrentUser.withPassword();
        if (session != null && signedIn.isPresent()) {
            Optional<UserAccount> now = accounts.user(signedIn.get().getUsername());
            if (now.isEmpty() || !Objects.equals(now.get().changedAt(), signedIn.get().changedAt())) {
                SecurityContextHolder.clearContext();
                session.invalidate();
                log.info("Session of user '{}' ended: the user was deleted or its password, roles or jurisdiction "
                        + "changed", LoginEvents.printable(signedIn.get().getUsername()));
                // As for a request without credentials: a page goes to the login form, anything else is a 401
                // (a write would otherwise fail the CSRF check, its token having gone with the session).
                entryPoint.commence(request, response,
                        new CredentialsExpiredException("the session's user changed"));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
