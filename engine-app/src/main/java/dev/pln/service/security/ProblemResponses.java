package dev.pln.service.security;

import dev.pln.service.system.RejectedRequests;
import dev.pln.service.system.StoreOutage;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem+json, like every other error of the API; a store outage while signing in is a 503. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated() {
        return (request, response, ex) -> {
            if (ex instanceof InternalAuthenticationServiceException && StoreOutage.causedBy(ex)) {
                // The password could not be checked at all: say so, rather than that it was wrong.
                StoreOutage.answer(response);
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"pln\", Bearer");
            write(response, 401, "/problems/unauthenticated", "Unauthorized",
                    "This endpoint needs credentials: HTTP Basic (username and password), an API key "
                            + "(Authorization: Bearer pln_…) or a token of the configured identity provider.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, ex) -> write(response, 403, "/problems/forbidden", "Forbidden",
                "Your roles do not allow this request.");
    }

    private static void write(HttpServletResponse response, int status, String type, String title, String detail)
            throws IOException {
        RejectedRequests.count(type, status);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
