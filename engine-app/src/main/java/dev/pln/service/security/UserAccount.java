package dev.pln.service.security;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A person who signs in: the password only as a BCrypt hash; failed logins counted for the lock. */
@Document(UserAccount.COLLECTION)
record UserAccount(@Id String username, String passwordHash, Set<Role> roles, Jurisdiction jurisdiction,
        int failedLogins, Instant lockedUntil, Instant createdAt) {

    static final String COLLECTION = "users";
}
