package dev.pln.service.security;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Password checks of one window of {@code pln.security.lock-for}, counted for one of a login's three limits
 * ({@link LoginThrottle.Limit}): {@code attempts} begun and not given back (failed or still running), of them
 * {@code failed}, and when {@code failed} reached the limit. Usernames and addresses only as SHA-256: what was typed
 * as a username may be a password in the wrong field.
 *
 * @param account the SHA-256 of the username tried (absent for an address's own count), so that an admin setting
 *        a password can lift the account's locks
 */
@Document(LoginFailures.COLLECTION)
record LoginFailures(@Id String id, String limit, String account, long window, int attempts, int failed,
        Instant lockedAt) {

    static final String COLLECTION = "loginFailures";
}
