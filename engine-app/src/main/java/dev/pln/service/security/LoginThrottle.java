package dev.pln.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How many password checks a login may still have, counted in the store so that neither parallel requests nor
 * several instances get more: each check must first take an attempt from three limits — this address on any
 * account ({@code pln.security.max-failed-logins-per-address}), the account from this address
 * ({@code pln.security.max-failed-logins}) and the account from any address (…{@code -per-account}). An attempt
 * is taken before the password is compared (one {@code $inc} on a document found by its {@code _id}, the only index
 * the embedded store really has), kept when the check fails and given back when it succeeds; so at most a limit's
 * number of checks can be failed or running at once. Attempts count in windows of {@code pln.security.lock-for},
 * and in the next window too, so failures are forgotten one to two windows after they were made. Unknown usernames
 * are counted like known ones.
 */
@Component
class LoginThrottle {

    /**
     * The three limits a password check must pass, in the order they are taken: an address shut out makes no count
     * for any username it tries, and an address shut out of an account takes nothing from the account's ceiling.
     */
    enum Limit {
        ADDRESS("address"), ACCOUNT_FROM_ADDRESS("account-from-address"), ACCOUNT("account");

        final String key;

        Limit(String key) {
            this.key = key;
        }

        static Optional<Limit> of(String key) {
            for (Limit limit : values()) {
                if (limit.key.equals(key)) {
                    return Optional.of(limit);
                }
            }
            return Optional.empty();
        }
    }

    /** The attempts one password check took: for each limit, the window's document and the previous one's. */
    record Permit(List<Taken> taken) {
    }

    /** One limit's attempt: the document it counts in, and the failures of the window before. */
    record Taken(Limit limit, String id, String previousId, int failedBefore) {
    }

    /** What an admin sees of an account: failures that count now, and until when some address is shut out. */
    record Status(int failedLogins, Optional<Instant> lockedUntil) {

        static final Status CLEAR = new Status(0, Optional.empty());
    }

    /** How long a refused check waits between looks, when other checks of its limit are still running. */
    static final Duration RETRY_AFTER = Duration.ofMillis(100);

    private final MongoTemplate mongo;
    private final SecuritySettings settings;
    private final Clock clock = Clock.systemUTC();
    private final AtomicLong keptFrom = new AtomicLong();

    LoginThrottle(MongoTemplate mongo, SecuritySettings settings) {
        this.mongo = mongo;
        this.settings = settings;
    }

    int max(Limit limit) {
        return switch (limit) {
            case ACCOUNT_FROM_ADDRESS -> settings.maxFailedLogins();
            case ADDRESS -> settings.maxFailedLoginsPerAddress();
            case ACCOUNT -> settings.maxFailedLoginsPerAccount();
        };
    }

    /**
     * Attempts from all three limits for one password check, or empty: a limit is used up. While the attempts of a
     * used-up limit are held by checks still running (they may yet succeed and give theirs back), looks again for
     * up to {@code patience}.
     */
    Optional<Permit> take(String username, String remoteAddress, Duration patience) {
        String address = address(remoteAddress);
        long giveUpAt = System.nanoTime() + patience.toNanos();
        while (true) {
            Try attempt = tryTake(username, address);
            if (attempt.permit() != null) {
                return Optional.of(attempt.permit());
            }
            if (!attempt.othersRunning() || System.nanoTime() + RETRY_AFTER.toNanos() > giveUpAt) {
                return Optional.empty();
            }
            try {
                TimeUnit.NANOSECONDS.sleep(RETRY_AFTER.toNanos());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private record Try(Permit permit, boolean othersRunning) {
    }

    private Try tryTake(String username, String address) {
        long window = window(clock.instant());
        forgetOlderThan(window - 1);
        List<Taken> taken = new ArrayList<>();
        for (Limit limit : Limit.values()) {
            String hash = hash(limit, username, address);
            String id = id(limit, window, hash);
            String previousId = id(limit, window - 1, hash);
            LoginFailures previous = mongo.findById(previousId, LoginFailures.class);
            int heldBefore = previous == null ? 0 : previous.attempts();
            int failedBefore = previous == null ? 0 : previous.failed();
            LoginFailures now = count(id, limit, username, window);
            if (heldBefore + now.attempts() > max(limit)) {
                giveBack(id);
                taken.forEach(t -> giveBack(t.id()));
                return new Try(null, failedBefore + now.failed() < max(limit));
            }
            taken.add(new Taken(limit, id, previousId, failedBefore));
        }
        return new Try(new Permit(List.copyOf(taken)), false);
    }

    /** Takes one attempt in this window's document (made if there is none yet). */
    private LoginFailures count(String id, Limit limit, String username, long window) {
        Update update = new Update().inc("attempts", 1).setOnInsert("limit", limit.key).setOnInsert("window", window)
                .setOnInsert("failed", 0);
        if (limit != Limit.ADDRESS) {
            update.setOnInsert("account", Accounts.hash(username));
        }
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
        try {
            return mongo.findAndModify(byId(id), update, upsert, LoginFailures.class);
        }
        catch (DuplicateKeyException madeMeanwhile) {
            // Two first attempts at once on a real MongoDB: the other made the document; count in it.
            return mongo.findAndModify(byId(id), update, upsert, LoginFailures.class);
        }
    }

    private void giveBack(String id) {
        mongo.updateFirst(byId(id), new Update().inc("attempts", -1), LoginFailures.class);
    }

    /**
     * The check failed: its attempts stay taken and count as failures. Returns the failed logins in a row of the
     * account from this address, this one included.
     */
    int failed(Permit permit) {
        int inARow = 0;
        for (Taken taken : permit.taken()) {
            LoginFailures counted = mongo.findAndModify(byId(taken.id()), new Update().inc("failed", 1),
                    FindAndModifyOptions.options().returnNew(true), LoginFailures.class);
            if (taken.limit() == Limit.ACCOUNT_FROM_ADDRESS) {
                inARow = taken.failedBefore() + (counted == null ? 1 : counted.failed());
            }
        }
        return inARow;
    }

    /**
     * The password was right: the account's failures from this address are forgiven (failures in a row end);
     * the other two limits get their attempt back, their failures stay.
     */
    void succeeded(Permit permit) {
        for (Taken taken : permit.taken()) {
            if (taken.limit() == Limit.ACCOUNT_FROM_ADDRESS) {
                Update cleared = new Update().set("attempts", 0).set("failed", 0);
                mongo.updateFirst(byId(taken.id()), cleared, LoginFailures.class);
                mongo.updateFirst(byId(taken.previousId()), cleared, LoginFailures.class);
            }
            else {
                giveBack(taken.id());
            }
        }
    }

    /** Forgets every failure counted against this account (an admin set its password, or its user did). */
    void forget(String username) {
        mongo.remove(Query.query(Criteria.where("account").is(Accounts.hash(username))), LoginFailures.class);
    }

    /** The status of each of these accounts that has one (one scan of the counts, not one per account). */
    Map<String, Status> status(Collection<String> usernames) {
        long window = window(clock.instant());
        Map<String, String> byHash = new HashMap<>();
        usernames.forEach(username -> byHash.put(Accounts.hash(username), username));
        // One count is one limit's documents of this window and the one before: failures of both count.
        Map<String, List<LoginFailures>> counts = new HashMap<>();
        for (LoginFailures counted : mongo.find(Query.query(Criteria.where("account").in(byHash.keySet())
                .and("window").gte(window - 1)), LoginFailures.class)) {
            counts.computeIfAbsent(counted.id().replace(":" + counted.window() + ":", ":"), id -> new ArrayList<>())
                    .add(counted);
        }
        Map<String, Status> statuses = new HashMap<>();
        counts.values().forEach(windows -> {
            LoginFailures any = windows.get(0);
            Optional<Limit> limit = Limit.of(any.limit());
            if (limit.isEmpty()) {
                return;
            }
            int failed = windows.stream().mapToInt(LoginFailures::failed).sum();
            int thisWindow = windows.stream().filter(w -> w.window() == window).mapToInt(LoginFailures::failed).sum();
            Status status = statuses.getOrDefault(byHash.get(any.account()), Status.CLEAR);
            int failedLogins = limit.get() == Limit.ACCOUNT ? failed : status.failedLogins();
            Optional<Instant> lockedUntil = status.lockedUntil();
            if (failed >= max(limit.get())) {
                // Until this window's failures are all that count, or, if they are enough, until the next one's.
                Instant until = start(window + (thisWindow >= max(limit.get()) ? 2 : 1));
                lockedUntil = Optional.of(lockedUntil.filter(until::isBefore).orElse(until));
            }
            statuses.put(byHash.get(any.account()), new Status(failedLogins, lockedUntil));
        });
        return statuses;
    }

    Status status(String username) {
        return status(List.of(username)).getOrDefault(username, Status.CLEAR);
    }

    /** Once a window per instance: counts two windows old no longer count (one scan of the collection). */
    private void forgetOlderThan(long window) {
        long kept = keptFrom.get();
        if (kept < window && keptFrom.compareAndSet(kept, window)) {
            mongo.remove(Query.query(Criteria.where("window").lt(window)), LoginFailures.class);
        }
    }

    private long window(Instant instant) {
        return instant.toEpochMilli() / settings.lockFor().toMillis();
    }

    private Instant start(long window) {
        return Instant.ofEpochMilli(window * settings.lockFor().toMillis());
    }

    /**
     * The address a limit counts for: an IPv4 address as it is, an IPv6 address by its /64 (one household or host
     * commonly has a whole /64; counting each of its addresses apart would give it 2^64 fresh limits).
     */
    static String address(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String plain = remoteAddress.strip();
        if (plain.startsWith("[") && plain.endsWith("]")) {
            plain = plain.substring(1, plain.length() - 1);
        }
        if (plain.indexOf('%') >= 0) {
            plain = plain.substring(0, plain.indexOf('%'));
        }
        if (plain.indexOf(':') < 0) {
            return plain;
        }
        if (plain.indexOf('.') >= 0) {
            // IPv4 written as IPv6 (::ffff:192.0.2.1): the IPv4 address it is.
            return plain.substring(plain.lastIndexOf(':') + 1);
        }
        String[] halves = plain.split("::", -1);
        if (halves.length > 2) {
            return plain;
        }
        List<String> groups = new ArrayList<>(groups(halves[0]));
        List<String> tail = halves.length == 2 ? groups(halves[1]) : List.of();
        int missing = 8 - groups.size() - tail.size();
        if (missing < 0 || (halves.length == 1 && missing != 0)) {
            return plain;
        }
        for (int i = 0; i < missing; i++) {
            groups.add("0");
        }
        groups.addAll(tail);
        StringBuilder prefix = new StringBuilder();
        for (String group : groups.subList(0, 4)) {
            if (!group.matches("[0-9A-Fa-f]{1,4}")) {
                return plain;
            }
            prefix.append(Integer.toHexString(Integer.parseInt(group, 16))).append(':');
        }
        return prefix + ":/64";
    }

    private static List<String> groups(String half) {
        return half.isEmpty() ? List.of() : List.of(half.split(":", -1));
    }

    private static String id(Limit limit, long window, String hash) {
        return limit.key + ":" + window + ":" + hash;
    }

    private static String hash(Limit limit, String username, String address) {
        return switch (limit) {
            case ACCOUNT_FROM_ADDRESS -> Accounts.hash(username + "\n" + address);
            case ADDRESS -> Accounts.hash(address);
            case ACCOUNT -> Accounts.hash(username);
        };
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
