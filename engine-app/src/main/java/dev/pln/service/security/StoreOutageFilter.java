package dev.pln.service.security;

import dev.pln.service.system.StoreOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First in the security chain: a store that cannot be reached while a caller is being signed in (an API key, a
 * session's user) is a 503 with {@code Retry-After}, as it is everywhere else — not a 500.
 */
final class StoreOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StoreOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (RuntimeException | ServletException ex) {
            // Pages keep their own error page; this answer is the API's.
            if (!StoreOutage.causedBy(ex) || response.isCommitted() || !request.getRequestURI().startsWith("/api/")) {
                throw ex;
            }
            log.warn("Store unavailable while signing in: {}", ex.getClass().getSimpleName());
            StoreOutage.answer(response);
        }
    }
}
