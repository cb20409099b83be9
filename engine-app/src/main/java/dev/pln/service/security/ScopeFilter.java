package dev.pln.service.security;

import dev.pln.service.system.Scope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Once the caller is known (inside Spring Security's chain), sets the request's {@link Scope}: its jurisdiction,
 * "only what it created" for intake-only callers, and masking of personal data for callers that are not
 * caseworkers (caseworkers, and admins, see the client's facts whole, in their jurisdiction).
 */
@Component
@Order(-98)
class ScopeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        scopeOf(CurrentUser.get()).ifPresent(Scope::set);
        chain.doFilter(request, response);
    }

    static Optional<Scope> scopeOf(Optional<Principal> caller) {
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        Principal principal = caller.get();
        boolean readsBeyondOwn = principal.has(Role.CASEWORKER) || principal.has(Role.REVIEWER)
                || principal.has(Role.POLICY_OFFICER);
        String createdBy = principal.has(Role.INTAKE) && !readsBeyondOwn ? principal.name() : null;
        boolean mask = !principal.has(Role.CASEWORKER) && createdBy == null;
        Jurisdiction jurisdiction = principal.jurisdiction() == null ? Jurisdiction.DISTRICT : principal.jurisdiction();
        if (jurisdiction.wholeDistrict() && createdBy == null && !mask) {
            return Optional.empty();
        }
        return Optional.of(new Scope(jurisdiction.town(), jurisdiction.village(), createdBy, mask));
    }
}
