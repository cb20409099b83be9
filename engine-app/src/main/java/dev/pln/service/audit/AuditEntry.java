package dev.pln.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One line of the audit trail. {@code seq} numbers the entries without gaps; {@code hash} is the SHA-256 of the
 * entry's fields together with {@code previousHash}, the hash of the entry before it (zeros for the first).
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
 */
@Document(AuditEntry.COLLECTION)
record AuditEntry(@Id long seq, Instant at, String actor, String action, String method, String path, int status,
        String from, String previousHash, String hash) {

    static final String COLLECTION = "auditTrail";

    static final String GENESIS = "0".repeat(64);

    /** A new entry after the one whose hash is {@code previousHash}, sealed with its own hash. */
    static AuditEntry seal(long seq, Instant at, String actor, String action, String method, String path, int status,
            String from, String previousHash) {
        AuditEntry unsealed = new AuditEntry(seq, at, actor, action, method, path, status, from, previousHash, null);
        return new AuditEntry(seq, at, actor, action, method, path, status, from, previousHash, unsealed.digest());
    }

    /** The hash these fields and {@link #previousHash} must have; {@link #hash} itself is not part of it. */
    String digest() {
        String canonical = String.join("\n", Long.toString(seq), Long.toString(at.toEpochMilli()), actor, action,
                method, path, Integer.toString(status), String.valueOf(from), previousHash);
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
