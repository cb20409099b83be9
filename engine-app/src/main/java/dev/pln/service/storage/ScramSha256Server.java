package dev.pln.service.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of SCRAM-SHA-256 (RFC 5802, RFC 7677) for one user: checks a client's proof that it knows the
 * password without the password crossing the wire, and proves in turn that the server knows it too.
 */
final class ScramSha256Server {

    static final String MECHANISM = "SCRAM-SHA-256";

    /*
     * The driver refuses fewer than 4096 iterations. More would only slow down the first connection: the password
     * is a 256-bit random secret, which no number of cheap guesses finds.
     */
    static final int ITERATIONS = 4096;

    /** No channel binding: "n,," as the MongoDB drivers send it. */
    private static final String GS2_HEADER = "n,,";
    private static final String CHANNEL_BINDING = Base64.getEncoder()
            .encodeToString(GS2_HEADER.getBytes(StandardCharsets.US_ASCII));

    private final String user;
    private final byte[] salt;
    private final byte[] storedKey;
    private final byte[] serverKey;
    private final SecureRandom random;

    /** Keeps only what SCRAM stores on a server (salt, StoredKey, ServerKey), not the password. */
    ScramSha256Server(String user, char[] password, SecureRandom random) {
        this.user = user;
        this.random = random;
        this.salt = new byte[16];
        random.nextBytes(salt);
        byte[] saltedPassword = saltedPassword(password, salt);
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        this.storedKey = sha256(clientKey);
        this.serverKey = hmac(saltedPassword, "Server Key");
    }

    /**
     * The server-first-message for a client-first-message; empty unless it names the user, asks for no channel
     * binding and carries a nonce.
     */
    Optional<Challenge> challenge(String clientFirstMessage) {
        if (!clientFirstMessage.startsWith(GS2_HEADER)) {
            return Optional.empty();
        }
        String bare = clientFirstMessage.substring(GS2_HEADER.length());
        String[] attributes = bare.split(",", -1);
        if (attributes.length != 2 || !attributes[0].equals("n=" + user) || !attributes[1].startsWith("r=")
                || attributes[1].length() == 2) {
            return Optional.empty();
        }
        byte[] serverNonce = new byte[24];
        random.nextBytes(serverNonce);
        String nonce = attributes[1].substring(2) + Base64.getEncoder().encodeToString(serverNonce);
        String serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(salt) + ",i=" + ITERATIONS;
        return Optional.of(new Challenge(bare, serverFirst, nonce));
    }

    /**
     * The server-final-message for a client-final-message that proves knowledge of the password for
     * {@code challenge}; empty for any other.
     */
    Optional<String> verify(Challenge challenge, String clientFinalMessage) {
        int proofAt = clientFinalMessage.lastIndexOf(",p=");
        if (proofAt < 0) {
            return Optional.empty();
        }
        String withoutProof = clientFinalMessage.substring(0, proofAt);
        if (!withoutProof.equals("c=" + CHANNEL_BINDING + ",r=" + challenge.nonce())) {
            return Optional.empty();
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(clientFinalMessage.substring(proofAt + 3));
        }
        catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String authMessage = challenge.clientFirstBare() + "," + challenge.serverFirst() + "," + withoutProof;
        byte[] clientSignature = hmac(storedKey, authMessage);
        if (proof.length != clientSignature.length) {
            return Optional.empty();
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        if (!MessageDigest.isEqual(sha256(clientKey), storedKey)) {
            return Optional.empty();
        }
        return Optional.of("v=" + Base64.getEncoder().encodeToString(hmac(serverKey, authMessage)));
    }

    /** A conversation after the server-first-message: what the proof in the client-final-message must cover. */
    record Challenge(String clientFirstBare, String serverFirst, String nonce) {
    }

    private static byte[] saltedPassword(char[] password, byte[] salt) {
        // PBKDF2 with HMAC-SHA-256 and a 32-byte key is SCRAM's Hi(); the password is ASCII, so SASLprep keeps it.
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
        }
        finally {
            spec.clearPassword();
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }
}
