package dev.pln.service.security;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A signed-in user changes its own password, giving the current one; shared by the API and the page. The current
 * password is checked as at signing in ({@link PasswordLogin}): a wrong one counts as a failed login from the
 * caller's address, and where that has shut the address out, even the right one is answered as wrong. Afterwards
 * every session of the user ends, this one included: it signs in again with the new password.
 */
@Component
class OwnPassword {

    private static final Logger log = LoggerFactory.getLogger(OwnPassword.class);

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    enum Outcome {
        CHANGED, NOT_A_PASSWORD_USER, WRONG_CURRENT, WRONG_LENGTH
    }

    private final Accounts accounts;
    private final PasswordLogin logins;

    OwnPassword(Accounts accounts, PasswordLogin logins) {
        this.accounts = accounts;
        this.logins = logins;
    }

    /** {@code address}: the caller's, as the servlet container sees it. */
    Outcome change(String current, String next, String address) {
        Optional<UserAccount> user = signedInUser();
        if (user.isEmpty()) {
            return Outcome.NOT_A_PASSWORD_USER;
        }
        String username = user.get().username();
        // Shut out, nothing is checked (the answer is "wrong"): a session cannot keep guessing once five failed.
        if (logins.check(username, current, address).isEmpty()) {
            log.warn("Wrong current password given to change the password of user '{}'",
                    LoginEvents.printable(username));
            return Outcome.WRONG_CURRENT;
        }
        if (next == null || next.isBlank() || next.length() < MIN_LENGTH || next.length() > MAX_LENGTH) {
            return Outcome.WRONG_LENGTH;
        }
        accounts.setPassword(username, next);
        log.info("User '{}' changed its password", LoginEvents.printable(username));
        return Outcome.CHANGED;
    }

    /** The stored user signed in on this request with a password, as stored now. */
    Optional<UserAccount> signedInUser() {
        return CurrentUser.withPassword().flatMap(user -> accounts.user(user.getUsername()));
    }
}
