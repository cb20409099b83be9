package dev.pln.service.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The {@link Principal} of the request being handled, when credentials are required and were given. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The caller, or empty when security is off or nobody signed in. */
    public static Optional<Principal> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof Principal principal) {
            return Optional.of(principal);
        }
        if (authentication.getPrincipal() instanceof AccountUserDetails account) {
            return Optional.of(account.principal());
        }
        return Optional.empty();
    }

    /** The stored user signed in on this request with a password (login form or HTTP Basic), as of signing in. */
    static Optional<AccountUserDetails> withPassword() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof AccountUserDetails user
                ? Optional.of(user) : Optional.empty();
    }
}
