package dev.pln.service.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.pln.service.InMemoryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The service with {@code pln.security.enabled=true} on its own database and data directory, an identity
 * provider's public key (tokens are signed here), and an HTTP client that speaks as one caller at a time.
 */
final class SecuredService {

    static final Path DATA_DIR;
    static final KeyPair IDP;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("pln-security-test");
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            IDP = generator.generateKeyPair();
            Path publicKey = DATA_DIR.resolve("idp.pub");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(IDP.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private SecuredService() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryStore.uri().replace("/pln?", "/plnsecured?"));
        registry.add("pln.security.enabled", () -> "true");
        // As docs/security.md says to run it behind a proxy that terminates TLS (the loopback is a trusted proxy).
        registry.add("server.forward-headers-strategy", () -> "native");
        // Previews of more than three clients run as jobs, so that a job's visibility by jurisdiction is tested.
        registry.add("pln.rulesets.impact-job-threshold", () -> "3");
        registry.add("pln.storage.data-dir", DATA_DIR::toString);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + DATA_DIR.resolve("idp.pub"));
    }

    /** A token of the identity provider with these roles and jurisdiction (null: the whole district). */
    static String jwt(String subject, List<String> roles, Map<String, String> jurisdiction) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", roles)
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
            if (jurisdiction != null) {
                claims.claim("jurisdiction", jurisdiction);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) IDP.getPrivate()));
            return jwt.serialize();
        }
        catch (com.nimbusds.jose.JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** One caller: Basic credentials, a bearer token, or nobody; keeps its cookies (session, CSRF). */
    static final class Caller {

        final String base;
        final String authorization;
        final HttpClient http;

        Caller(int port, String authorization) {
            this.base = "http://127.0.0.1:" + port;
            this.authorization = authorization;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        static Caller basic(int port, String username, String password) {
            return new Caller(port, "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        static Caller bearer(int port, String token) {
            return new Caller(port, "Bearer " + token);
        }

        static Caller nobody(int port) {
            return new Caller(port, null);
        }

        /** Sends a request; {@code headers} are further names and values, in pairs. */
        HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }

        HttpResponse<String> get(String path) {
            return send("GET", path, null, null);
        }

        HttpResponse<String> post(String path, String json) {
            return send("POST", path, "application/json", json);
        }

        HttpResponse<String> put(String path, String json) {
            return send("PUT", path, "application/json", json);
        }

        HttpResponse<String> delete(String path) {
            return send("DELETE", path, null, null);
        }

        /** Signs in with the login form, as a browser does; the session cookie is kept for later calls. */
        HttpResponse<String> signIn(String username, String password) {
            return postForm("/login", "/login", "username=" + username + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8));
        }

        /** Posts a page form the way a browser does: with the CSRF token of the page it was on. */
        HttpResponse<String> postForm(String pagePath, String action, String form) {
            String page = get(pagePath).body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            String withToken = token.find() ? form + "&_csrf=" + token.group(1) : form;
            return send("POST", action, "application/x-www-form-urlencoded", withToken);
        }
    }
}
