package dev.pln.service.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keyed pseudonyms: HMAC-SHA256 of an identifier under a random key made once per installation and kept in the
 * store (collection {@code privacyKeys}), so the same client always gets the same pseudonym, and nobody holding
 * only pseudonymised data can compute one from a known id.
 */
@Component
class Pseudonyms {

    static final String COLLECTION = "privacyKeys";
    static final String KEY_ID = "pseudonym-hmac";

    private final MongoTemplate mongo;

    private volatile byte[] key;

    Pseudonyms(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The pseudonym of {@code value} of the given kind ("client", "decision"): 16 hex digits. */
    String of(String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = loadOrCreate();
            key = known;
        }
        return known;
    }

    private byte[] loadOrCreate() {
        Document stored = mongo.getCollection(COLLECTION).find(new Document("_id", KEY_ID)).first();
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                mongo.getCollection(COLLECTION).insertOne(
                        new Document("_id", KEY_ID).append("key", Base64.getEncoder().encodeToString(fresh)));
                return fresh;
            }
            catch (DuplicateKeyException | com.mongodb.MongoWriteException raced) {
                stored = mongo.getCollection(COLLECTION).find(new Document("_id", KEY_ID)).first();
            }
        }
        return Base64.getDecoder().decode(stored.getString("key"));
    }
}
