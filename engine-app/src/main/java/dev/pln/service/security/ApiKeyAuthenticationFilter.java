package dev.pln.service.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in machine clients that send {@code Authorization: Bearer pln_…}: the key is hashed and looked up; a
 * live key becomes the request's principal, anything else is a 401. Other bearer tokens (JWTs) are left to the
 * resource server, when one is configured.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Accounts accounts;
    private final AuthenticationEntryPoint entryPoint;

    ApiKeyAuthenticationFilter(Accounts accounts, AuthenticationEntryPoint entryPoint) {
        this.accounts = accounts;
        this.entryPoint = entryPoint;
    }

    static boolean isApiKey(String header) {
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && header.substring(BEARER.length()).strip().startsWith(Accounts.KEY_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (!isApiKey(header)) {
            chain.doFilter(request, response);
            return;
        }
        var key = accounts.key(header.substring(BEARER.length()).strip());
        if (key.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("unknown or revoked API key"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PrincipalAuthentication(
                new Principal("key:" + key.get().name() + ":" + key.get().id(), key.get().roles(),
                        key.get().jurisdiction())));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
