package dev.pln.service.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the audit trail. {@code seq} numbers the entries without gaps; {@code hash} is the SHA-256 of the
 * entry's fields together with {@code previousHash}, the hash of the entry before it (zeros for the first); and
 * {@code mac} is the HMAC-SHA256 of the same text under the {@link AuditKey}, which the store does not hold —
 * the hashes anybody can recompute, the mac only the service.
 *
 * @param seq the position in the trail, from 1
 * @param at when, to the millisecond (what MongoDB stores)
 * @param actor who: the signed-in caller; with security off, the {@code X-Actor} header as sent, or
 *        {@code anonymous}
 * @param action {@code WRITE} or {@code READ_PERSONAL_DATA}
 * @param method the HTTP method
 * @param path the request path, without the query (paths name client and decision ids, never personal data)
 * @param status the HTTP status answered
 * @param from the remote address the request came from
 * @param mac the seal: made when the entry was written, or, for an entry an earlier version wrote without one,
 *        when this version first started on the trail ({@link Seal})
 */
@Document(AuditEntry.COLLECTION)
@Schema(name = "AuditTrailEntry") // ruleset.AuditEntry is another schema: one name each
record AuditEntry(@Id long seq, Instant at, String actor, String action, String method, String path, int status,
        String from, String previousHash, String hash, String mac) {

    static final String COLLECTION = "auditTrail";

    static final String GENESIS = "0".repeat(64);

    /** When the key sealed an entry; part of what the mac is taken of, so that it cannot be claimed falsely. */
    enum Seal {

        /** As it was written. */
        WHEN_WRITTEN("pln-audit-entry\n"),

        /** Written by an earlier version without a mac, sealed as it stood when this version first started. */
        ON_UPGRADE("pln-audit-entry-sealed-on-upgrade\n");

        private final String prefix;

        Seal(String prefix) {
            this.prefix = prefix;
        }
    }

    /** A new entry after the one whose hash is {@code previousHash}, with its hash and its mac. */
    static AuditEntry seal(long seq, Instant at, String actor, String action, String method, String path, int status,
            String from, String previousHash, AuditKey key) {
        AuditEntry unsealed = new AuditEntry(seq, at, actor, action, method, path, status, from, previousHash, null,
                null);
        return new AuditEntry(seq, at, actor, action, method, path, status, from, previousHash, unsealed.digest(),
                unsealed.macBy(key, Seal.WHEN_WRITTEN));
    }

    /** The mac {@code key} gives this entry's fields and {@link #previousHash} when sealing them {@code when}. */
    String macBy(AuditKey key, Seal when) {
        return key.mac(when.prefix + canonical());
    }

    /** When {@code key} sealed this entry as it is now; empty when it has no mac or one of other content or key. */
    Optional<Seal> sealBy(AuditKey key) {
        if (mac == null) {
            return Optional.empty();
        }
        for (Seal when : Seal.values()) {
            if (key.sealed(when.prefix + canonical(), mac)) {
                return Optional.of(when);
            }
        }
        return Optional.empty();
    }

    /** The hash these fields and {@link #previousHash} must have; {@link #hash} and {@link #mac} are not part of it. */
    String digest() {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }

    /** Whether this entry follows {@code previous} (null: it is the first) by number and hash, and has its own hash. */
    boolean follows(AuditEntry previous) {
        long expectedSeq = previous == null ? 1 : previous.seq() + 1;
        String expectedHash = previous == null ? GENESIS : previous.hash();
        return seq == expectedSeq && expectedHash.equals(previousHash) && digest().equals(hash);
    }

    private String canonical() {
        // The text earlier versions hashed, unchanged, so that their entries keep their hashes.
        return String.join("\n", Long.toString(seq), Long.toString(at.toEpochMilli()), actor, action, method, path,
                Integer.toString(status), String.valueOf(from), previousHash);
    }
}
