package dev.pln.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed: BCrypt of the password's SHA-256, so that every byte of a password up to the 128
 * characters the service accepts counts (BCrypt alone reads 72 bytes and refuses to hash more: 25 Chinese
 * characters are 75 bytes in UTF-8). New hashes are {@code {bcrypt-sha256}$2a$…}; hashes made before, plain
 * {@code $2a$…} without a prefix, are still checked as plain BCrypt.
 */
final class PasswordHashes {

    static final String ID = "bcrypt-sha256";

    /** What BCrypt reads of a password; a plain BCrypt hash can never have been made of a longer one. */
    static final int BCRYPT_MAX_BYTES = 72;

    private PasswordHashes() {
    }

    static PasswordEncoder encoder() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(ID, Map.of(ID, new BCryptOfSha256(bcrypt)));
        encoder.setDefaultPasswordEncoderForMatches(new PlainBCrypt(bcrypt));
        return encoder;
    }

    /** BCrypt of the Base64 of the password's SHA-256 (44 ASCII characters: no NUL byte, well under 72). */
    private record BCryptOfSha256(BCryptPasswordEncoder bcrypt) implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(sha256(rawPassword));
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return rawPassword != null && bcrypt.matches(sha256(rawPassword), encodedPassword);
        }

        private static String sha256(CharSequence rawPassword) {
            try {
                return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException("every Java runtime has SHA-256", ex);
            }
        }
    }

    /**
     * A hash made before {@code bcrypt-sha256}: checks only. BCrypt would compare just the first 72 bytes of a
     * longer password, which therefore never matches; it is compared all the same, so that it takes as long.
     */
    private record PlainBCrypt(BCryptPasswordEncoder bcrypt) implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("new hashes are " + ID);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (rawPassword == null) {
                return false;
            }
            boolean matches = bcrypt.matches(rawPassword, encodedPassword);
            return matches && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
        }
    }
}
