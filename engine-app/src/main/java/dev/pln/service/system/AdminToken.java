package dev.pln.service.system;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The guard of the administrative endpoints while security is off: the {@code X-Admin-Token} header must equal
 * the configured {@code pln.admin-token}. Without a configured token those endpoints are closed. Every refusal is a
 * 403 saying why, compared in constant time. With {@code pln.security.enabled=true} roles decide instead.
 */
@Component
public class AdminToken {

    public static final String HEADER = "X-Admin-Token";
    static final URI TYPE = URI.create("/problems/admin-token");

    private final AdminSettings settings;

    private final boolean rolesInForce;

    AdminToken(AdminSettings settings) {
        this(settings, false);
    }

    /**
     * @param rolesInForce whether {@code pln.security.enabled} is on: then the filter chain has already checked
     *        the caller's roles, and the token is not asked for
     */
    @Autowired
    AdminToken(AdminSettings settings, @Value("${pln.security.enabled:false}") boolean rolesInForce) {
        this.settings = settings;
        this.rolesInForce = rolesInForce;
    }

    /**
     * Lets the request through, or refuses it with 403 saying why.
     *
     * @param token the header's value, or null when none was sent
     * @param what what the token would allow, for the refusal ("Rule set changes")
     */
    public void check(String token, String what) {
        if (rolesInForce) {
            return;
        }
        if (!settings.configured()) {
            throw denied(what + " are disabled: no admin token is configured. Set pln.admin-token "
                    + "(environment variable PLN_ADMIN_TOKEN) and send it in the " + HEADER + " header.");
        }
        byte[] expected = settings.adminToken().getBytes(StandardCharsets.UTF_8);
        byte[] given = token == null ? new byte[0] : token.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw denied(what + " need the " + HEADER + " header with the configured admin token"
                    + (token == null ? "; none was sent." : "; the one sent does not match."));
        }
    }

    private static ErrorResponseException denied(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setType(TYPE);
        problem.setTitle("Forbidden");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
