package dev.pln.service.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;

/**
 * Logs each failed login with the username of a known account only (never the password); counting failures and
 * slowing them down is {@link PasswordLogin}'s.
 */
@Component
class LoginEvents {

    private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

    private final Accounts accounts;

    LoginEvents(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        // Only a known account is named: what was typed as a username may be a password in the wrong field.
        if (username != null && !username.isEmpty() && accounts.user(username).isPresent()) {
            log.warn("Failed login for user '{}'", printable(username));
        }
        else {
            log.warn("Failed login for an unknown username");
        }
    }

    /** A username as typed may hold anything; the log gets at most 64 printable characters of it. */
    static String printable(String username) {
        String clean = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
