package dev.pln.service.security;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A machine client's key: stored only as its SHA-256, shown once when made; revoked keys stay, unusable. */
@Document(ApiKey.COLLECTION)
record ApiKey(@Id String id, String name, @Indexed(unique = true) String keyHash, Set<Role> roles,
        Jurisdiction jurisdiction, Instant createdAt, Instant revokedAt) {

    static final String COLLECTION = "apiKeys";
}
