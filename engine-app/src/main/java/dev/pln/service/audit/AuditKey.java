package dev.pln.service.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret the audit trail is sealed with (HMAC-SHA256), held where the store is not: {@code pln.audit.key}, or
 * a key generated once into {@code <data-dir>/audit-key}, readable by its owner only. Never logged, never stored.
 */
@Component
class AuditKey {

    static final String FILE = "audit-key";
    static final int MIN_LENGTH = 32;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

    private final SecretKeySpec secret;

    private final String source;

    @Autowired
    AuditKey(AuditSettings settings, @Value("${pln.storage.data-dir:./data}") Path dataDir) {
        this(settings.keyConfigured() ? settings.key() : readOrGenerate(dataDir.resolve(FILE)),
                settings.keyConfigured() ? "pln.audit.key"
                        : dataDir.resolve(FILE).toAbsolutePath().normalize().toString());
    }

    /**
     * @param text the key; its UTF-8 bytes, without surrounding white space, are the HMAC key
     * @param source where it came from, for messages
     */
    AuditKey(String text, String source) {
        String key = text.strip();
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException("The audit key from " + source + " is shorter than " + MIN_LENGTH
                    + " characters; use e.g. the output of `openssl rand -base64 32`");
        }
        this.secret = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.source = source;
    }

    /** Where the key came from: {@code pln.audit.key}, or the path of the key file. */
    String source() {
        return source;
    }

    /** The HMAC-SHA256 of {@code text} under this key, in hex. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
        }
    }

    /** Whether {@code mac} is this key's MAC of {@code text}. */
    boolean sealed(String text, String mac) {
        return mac != null && MessageDigest.isEqual(mac(text).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "AuditKey(" + source + ")";
    }

    private static String readOrGenerate(Path file) {
        try {
            if (!Files.exists(file)) {
                generate(file);
            }
            keepToOwner(file);
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or create the audit key " + file.toAbsolutePath()
                    + "; make the data directory writable, or set PLN_AUDIT_KEY", ex);
        }
    }

    /** Writes a new random key; if another process on this data directory wrote one first, keeps that one. */
    private static void generate(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Path written;
        try {
            written = Files.createTempFile(directory, FILE, ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        catch (UnsupportedOperationException notPosix) {
            written = Files.createTempFile(directory, FILE, ".new");
        }
        try {
            Files.writeString(written, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
            Files.move(written, file);
            log.info("Audit key generated in {} (back it up with the data; every instance on one store needs it)",
                    file.toAbsolutePath().normalize());
        }
        catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            // Its key is the one the trail will be sealed with; ours was never used.
        }
        finally {
            Files.deleteIfExists(written);
        }
    }

    private static void keepToOwner(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                log.warn("The audit key {} was readable by others; it is now readable by its owner only",
                        file.toAbsolutePath().normalize());
            }
        }
        catch (UnsupportedOperationException notPosix) {
            // No POSIX permissions here (Windows): the directory's access control list protects the file.
        }
    }
}
