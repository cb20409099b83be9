package dev.pln.service.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the browser security headers on every response — API, error, reviewer page, static file: no script,
 * style or frame from anywhere but this service, no inline script or style, never framed, no MIME sniffing,
 * no referrer (URLs name clients and decisions), and no caching of anything but the style sheet.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Set before the chain: a handler may commit the response, after which headers can no longer be added.
        addHeaders(response);
        if (!isStaticAsset(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** The style sheet and icon hold nothing of a client; every other answer may, and no cache may keep it. */
    private static boolean isStaticAsset(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/css/") || path.equals("/favicon.ico");
    }

    /** Errors the container forwards to {@code /error} get the headers again, in case it reset the response. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        addHeaders(response);
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }

    private static void addHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
