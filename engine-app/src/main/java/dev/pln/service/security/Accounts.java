package dev.pln.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users and API keys in the store. */
@Service
class Accounts {

    static final String KEY_PREFIX = "pln_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final Clock clock = Clock.systemUTC();

    Accounts(MongoTemplate mongo, PasswordEncoder passwords, LoginThrottle throttle) {
        this.mongo = mongo;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /** Creates a user; false when the username is taken. */
    boolean createUser(String username, String password, Set<Role> roles, Jurisdiction jurisdiction) {
        try {
            Instant now = clock.instant();
            mongo.insert(new UserAccount(username, passwords.encode(password), Set.copyOf(roles),
                    jurisdiction == null ? Jurisdiction.DISTRICT : jurisdiction, now, now));
            return true;
        }
        catch (DuplicateKeyException taken) {
            return false;
        }
    }

    Optional<UserAccount> user(String username) {
        return Optional.ofNullable(mongo.findById(username, UserAccount.class));
    }

    /** Every user, by name. */
    List<UserAccount> users() {
        return mongo.find(new Query().with(Sort.by("_id")), UserAccount.class);
    }

    /** How a change of a user ended. */
    enum Change {
        DONE, NO_SUCH_USER, LAST_ADMIN
    }

    /**
     * Gives a user these roles and this jurisdiction (null: the whole district); refused when it would leave no
     * user with {@code ADMIN}. Sessions the user signed in before end.
     */
    synchronized Change updateUser(String username, Set<Role> roles, Jurisdiction jurisdiction) {
        Optional<UserAccount> user = user(username);
        if (user.isEmpty()) {
            return Change.NO_SUCH_USER;
        }
        if (user.get().roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && lastAdmin(username)) {
            return Change.LAST_ADMIN;
        }
        mongo.updateFirst(byName(username), new Update().set("roles", Set.copyOf(roles))
                .set("jurisdiction", jurisdiction == null ? Jurisdiction.DISTRICT : jurisdiction)
                .set("changedAt", clock.instant()), UserAccount.class);
        return Change.DONE;
    }

    /**
     * Sets a new password; forgets the account's failed logins, which lifts its locks. Sessions signed in before
     * end.
     */
    boolean setPassword(String username, String password) {
        // The fields an earlier version counted failures in go too.
        boolean set = mongo.updateFirst(byName(username), new Update().set("passwordHash", passwords.encode(password))
                .unset("failedLogins").unset("lockedUntil").set("changedAt", clock.instant()), UserAccount.class)
                .getMatchedCount() > 0;
        if (set) {
            throttle.forget(username);
        }
        return set;
    }

    /** Deletes a user; refused for the last user with {@code ADMIN}. */
    synchronized Change deleteUser(String username) {
        Optional<UserAccount> user = user(username);
        if (user.isEmpty()) {
            return Change.NO_SUCH_USER;
        }
        if (user.get().roles().contains(Role.ADMIN) && lastAdmin(username)) {
            return Change.LAST_ADMIN;
        }
        mongo.remove(byName(username), UserAccount.class);
        return Change.DONE;
    }

    /**
     * Whether no other user has {@code ADMIN}. Checked and changed under this instance's lock (updates and
     * deletions are serialised here); two instances changing admins at the same moment could still both pass.
     */
    private boolean lastAdmin(String username) {
        return !mongo.exists(Query.query(Criteria.where("roles").is(Role.ADMIN.name()).and("_id").ne(username)),
                UserAccount.class);
    }

    private static Query byName(String username) {
        return Query.query(Criteria.where("_id").is(username));
    }

    boolean anyUser() {
        return mongo.exists(new Query(), UserAccount.class);
    }

    /** A new key, returned in clear once; only its hash is kept. */
    IssuedKey createKey(String name, Set<Role> roles, Jurisdiction jurisdiction) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey stored = mongo.insert(new ApiKey(UUID.randomUUID().toString(), name, hash(key), Set.copyOf(roles),
                jurisdiction == null ? Jurisdiction.DISTRICT : jurisdiction, clock.instant(), null));
        return new IssuedKey(stored.id(), key);
    }

    /** A key as the caller gets it: its id and, this once, the key itself. */
    record IssuedKey(String id, String apiKey) {
    }

    /** The live key with this clear text, if any. */
    Optional<ApiKey> key(String clear) {
        ApiKey key = mongo.findOne(Query.query(Criteria.where("keyHash").is(hash(clear))), ApiKey.class);
        return Optional.ofNullable(key).filter(k -> k.revokedAt() == null);
    }

    /** Every key ever made, revoked ones too, oldest first; without their hashes. */
    List<ApiKey> keys() {
        Query query = new Query().with(Sort.by("createdAt", "_id"));
        query.fields().exclude("keyHash");
        return mongo.find(query, ApiKey.class);
    }

    /** Revokes a key; false when there is no such key. */
    boolean revokeKey(String id) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("revokedAt", clock.instant()), ApiKey.class).getMatchedCount() > 0;
    }

    /** A random password good enough to be typed once and changed: 20 URL-safe characters. */
    static String randomPassword() {
        byte[] secret = new byte[15];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String hash(String clear) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(clear.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
