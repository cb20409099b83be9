package dev.pln.service.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins towards the lock and clears the count on success; answers each failure later the more
 * failures came before it (200 ms per failure in a row, at most 1 s), so that guessing is slowed before the
 * account locks; logs each failure with the username of a known account only (never the password).
 */
@Component
class LoginEvents {

    private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

    static final long SLOWDOWN_MILLIS = 200;

    private final Accounts accounts;

    LoginEvents(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        // Only a known account is named: what was typed as a username may be a password in the wrong field.
        int inARow = 1;
        if (accounts.user(username).isPresent()) {
            log.warn("Failed login for user '{}'", printable(username));
            inARow = Math.max(1, accounts.failedLogin(username));
        }
        else {
            log.warn("Failed login for an unknown username");
        }
        slowDown(inARow);
    }

    private static void slowDown(int failuresInARow) {
        try {
            Thread.sleep(Math.min(failuresInARow, 5) * SLOWDOWN_MILLIS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @EventListener
    void locked(AuthenticationFailureLockedEvent event) {
        log.warn("Login refused for locked user '{}'", printable(event.getAuthentication().getName()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountUserDetails account) {
            accounts.succeededLogin(account.getUsername());
        }
    }

    /** A username as typed may hold anything; the log gets at most 64 printable characters of it. */
    static String printable(String username) {
        String clean = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
