package dev.pln.service.security;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who signs in: the password only as a hash ({@link PasswordHashes}); its failed logins are counted apart
 * ({@link LoginThrottle}).
 * {@code changedAt} moves whenever the password, the roles or the jurisdiction change: a session signed in
 * before that ends ({@code StaleSessionFilter}).
 */
@Document(UserAccount.COLLECTION)
record UserAccount(@Id String username, String passwordHash, Set<Role> roles, Jurisdiction jurisdiction,
        Instant createdAt, Instant changedAt) {

    static final String COLLECTION = "users";
}
