package dev.pln.service.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where a request's sign-in is kept: a request that brings an {@code Authorization} header is signed in by that
 * header alone — it neither reads the login form's session (so a header that authenticates nothing cannot ride
 * on a session cookie, past the CSRF check such requests skip) nor writes one (so Basic and API-key calls never
 * create sessions). Every other request keeps its sign-in in the session, as the login form needs.
 */
final class HeaderCredentialsContextRepository implements SecurityContextRepository {

    private final RequestAttributeSecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();
    private final HttpSessionSecurityContextRepository session = new HttpSessionSecurityContextRepository();

    static boolean bringsCredentials(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (bringsCredentials(request)) {
            return perRequest.loadDeferredContext(request);
        }
        DeferredSecurityContext stored = perRequest.loadDeferredContext(request);
        return stored.isGenerated() ? session.loadDeferredContext(request) : stored;
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        perRequest.saveContext(context, request, response);
        if (!bringsCredentials(request)) {
            session.saveContext(context, request, response);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return perRequest.containsContext(request) || !bringsCredentials(request) && session.containsContext(request);
    }
}
