package dev.pln.service.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The server side of SCRAM-SHA-256, checked against the example exchange of RFC 7677, section 3. */
class ScramSha256ServerTests {

    static final String SALT = "W22ZaJ0SNY7soEsUEjb6gQ==";
    static final String NONCE = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    static final ScramSha256Server.Challenge CHALLENGE = new ScramSha256Server.Challenge(
            "n=user,r=rOprNGfwEbeRWgbNEkqO", "r=" + NONCE + ",s=" + SALT + ",i=4096", NONCE);
    static final String CLIENT_FINAL = "c=biws,r=" + NONCE + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";

    @Test
    void acceptsTheProofOfTheRfcExampleAndAnswersWithItsServerSignature() {
        assertThat(server("pencil").verify(CHALLENGE, CLIENT_FINAL))
                .contains("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=");
    }

    @Test
    void refusesAProofMadeWithAnotherPassword() {
        assertThat(server("pencil2").verify(CHALLENGE, CLIENT_FINAL)).isEmpty();
    }

    @Test
    void refusesAProofReplayedForAnotherConversation() {
        ScramSha256Server.Challenge another = new ScramSha256Server.Challenge(CHALLENGE.clientFirstBare(),
                CHALLENGE.serverFirst().replace("k0,", "k1,"), NONCE.replace("k0", "k1"));

        assertThat(server("pencil").verify(another, CLIENT_FINAL)).isEmpty();
        assertThat(server("pencil").verify(another, CLIENT_FINAL.replace("k0,", "k1,"))).isEmpty();
    }

    @Test
    void refusesAProofThatIsMissingOrNotBase64() {
        assertThat(server("pencil").verify(CHALLENGE, "c=biws,r=" + NONCE)).isEmpty();
        assertThat(server("pencil").verify(CHALLENGE, "c=biws,r=" + NONCE + ",p=not base64!")).isEmpty();
        assertThat(server("pencil").verify(CHALLENGE, "c=biws,r=" + NONCE + ",p=AAAA")).isEmpty();
    }

    @Test
    void challengesOnlyItsUserWithoutChannelBindingAndWithANonce() {
        ScramSha256Server server = server("pencil");

        assertThat(server.challenge("n,,n=user,r=rOprNGfwEbeRWgbNEkqO")).hasValueSatisfying(challenge -> {
            assertThat(challenge.nonce()).startsWith("rOprNGfwEbeRWgbNEkqO").hasSizeGreaterThan(40);
            assertThat(challenge.serverFirst()).isEqualTo("r=" + challenge.nonce() + ",s=" + SALT + ",i=4096");
        });
        assertThat(server.challenge("n,,n=admin,r=rOprNGfwEbeRWgbNEkqO")).isEmpty();
        assertThat(server.challenge("y,,n=user,r=rOprNGfwEbeRWgbNEkqO")).isEmpty();
        assertThat(server.challenge("n,,n=user,r=")).isEmpty();
        assertThat(server.challenge("n,,m=ext,n=user,r=rOprNGfwEbeRWgbNEkqO")).isEmpty();
    }

    /** A server for "user" whose first random bytes are the salt of the example. */
    private static ScramSha256Server server(String password) {
        byte[] salt = Base64.getDecoder().decode(SALT);
        SecureRandom saltFirst = new SecureRandom() {
            private boolean saltGiven;

            @Override
            public void nextBytes(byte[] bytes) {
                if (!saltGiven && bytes.length == salt.length) {
                    saltGiven = true;
                    System.arraycopy(salt, 0, bytes, 0, salt.length);
                    return;
                }
                super.nextBytes(bytes);
            }
        };
        return new ScramSha256Server("user", password.toCharArray(), saltFirst);
    }
}
