package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.rules.Fixtures;
import dev.pln.service.InMemoryStore;
import dev.pln.service.security.SecuredService.Caller;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service as it starts with nothing about security set: it demands credentials, made its first admin and
 * intake key, and keeps sessions for the login form alone (an HTTP session per stranger's request filled the heap).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecureByDefaultIntegrationTests {

    static final Path DATA_DIR = temporaryDirectory();
    static final AtomicInteger SESSIONS_MADE = new AtomicInteger();
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** Only where the data lives: no {@code pln.security.*} at all. */
    @DynamicPropertySource
    static void nothingAboutSecurity(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryStore.uri().replace("/pln?", "/plndefault?"));
        registry.add("pln.storage.data-dir", DATA_DIR::toString);
    }

    @TestConfiguration
    static class CountSessions {

        @Bean
        HttpSessionListener sessionCounter() {
            return new HttpSessionListener() {
                @Override
                public void sessionCreated(HttpSessionEvent event) {
                    SESSIONS_MADE.incrementAndGet();
                }
            };
        }
    }

    @LocalServerPort
    int port;

    JsonNode initial;

    @BeforeEach
    void readTheFirstStartsCredentials() throws IOException {
        initial = JSON.readTree(Files.readString(DATA_DIR.resolve("initial-credentials.json")));
    }

    @Test
    void demandsCredentialsWithNothingSetAndAnswersOnlyHealthLoginAndTheApiDescriptionWithout() {
        Caller nobody = Caller.nobody(port);
        String facts = Fixtures.workedCase("case-1-tao").request().toString();

        HttpResponse<String> refused = nobody.post("/api/v1/decisions", facts);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(nobody.get("/api/v1/decisions").statusCode()).isEqualTo(401);
        assertThat(nobody.get("/review/decisions").statusCode()).as("pages go to the login form").isEqualTo(302);
        assertThat(nobody.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(nobody.get("/login").statusCode()).isEqualTo(200);
        assertThat(nobody.get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(nobody.get("/actuator/info").statusCode()).isEqualTo(401);
    }

    @Test
    void theFirstStartsAdminAndIntakeKeyWorkAndTheirFileIsTheOwnersAlone() throws IOException {
        Caller intake = Caller.bearer(port, initial.get("apiKey").asString());
        Caller admin = Caller.basic(port, "admin", initial.get("password").asString());

        HttpResponse<String> decided = intake.post("/api/v1/decisions",
                Fixtures.workedCase("case-2-wang").request().toString());

        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(201);
        assertThat(admin.get("/api/v1/admin/users").statusCode()).isEqualTo(200);
        assertThat(initial.get("username").asString()).isEqualTo("admin");
        assertThat(Files.getPosixFilePermissions(DATA_DIR.resolve("initial-credentials.json")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void strangersBasicCallsAndKeyCallsNeverMakeASessionOnlyTheLoginFormDoes() {
        Caller nobody = Caller.nobody(port);
        Caller wrongPassword = Caller.basic(port, "admin", "not the password at all");
        Caller admin = Caller.basic(port, "admin", initial.get("password").asString());
        Caller intake = Caller.bearer(port, initial.get("apiKey").asString());
        int before = SESSIONS_MADE.get();

        for (int i = 0; i < 50; i++) {
            assertThat(nobody.get("/api/v1/decisions?page=" + i).headers().allValues("Set-Cookie"))
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
            assertThat(nobody.get("/login").headers().allValues("Set-Cookie"))
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
            assertThat(nobody.get("/review/decisions").statusCode()).isEqualTo(302);
        }
        assertThat(wrongPassword.get("/api/v1/decisions").statusCode()).isEqualTo(401);
        assertThat(admin.get("/api/v1/decisions").statusCode()).isEqualTo(200);
        assertThat(intake.get("/api/v1/decisions").statusCode()).isEqualTo(200);
        assertThat(Caller.nobody(port).signIn("admin", "wrong password").statusCode()).isEqualTo(302);
        assertThat(SESSIONS_MADE.get()).as("sessions made without a successful login").isEqualTo(before);

        HttpResponse<String> signedIn = Caller.nobody(port).signIn("admin", initial.get("password").asString());

        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/review/decisions");
        assertThat(SESSIONS_MADE.get()).isEqualTo(before + 1);
    }

    @Test
    void aPageAskedForBeforeSigningInIsShownAfterTheLogin() {
        Caller browser = Caller.nobody(port);
        assertThat(browser.get("/review/overview").statusCode()).isEqualTo(302);

        HttpResponse<String> signedIn = browser.signIn("admin", initial.get("password").asString());

        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/review/overview");
    }

    @Test
    void anAuthorizationHeaderThatAuthenticatesNothingDoesNotRideOnTheSessionPastTheCsrfCheck() {
        Caller browser = Caller.nobody(port);
        browser.signIn("admin", initial.get("password").asString());
        assertThat(browser.get("/api/v1/decisions").statusCode()).as("the session signs in").isEqualTo(200);

        HttpResponse<String> forged = browser.send("POST", "/api/v1/decisions", "application/json",
                Fixtures.workedCase("case-3-li").request().toString(), "Authorization", "Negotiate nothing");
        HttpResponse<String> withoutToken = browser.post("/api/v1/decisions",
                Fixtures.workedCase("case-3-li").request().toString());

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(withoutToken.statusCode()).as("a session alone needs its CSRF token").isEqualTo(403);
        assertThat(Caller.basic(port, "admin", initial.get("password").asString())
                .get("/api/v1/clients/" + Fixtures.workedCase("case-3-li").request().get("clientId").asString())
                .statusCode()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void theLoginRedirectIsRelativeWhateverHostTheCallerNames() {
        // A raw request: Java's HTTP client will not send a Host header of the caller's choosing.
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /review/decisions HTTP/1.1\r\nHost: attacker.example\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }

        assertThat(answer).startsWith("HTTP/1.1 302").containsIgnoringCase("\r\nLocation: /login\r\n")
                .doesNotContain("attacker.example/");
    }

    @Test
    void responsesThatMayCarryPersonalDataAreNeverStored() {
        Caller admin = Caller.basic(port, "admin", initial.get("password").asString());

        for (String path : Set.of("/api/v1/decisions", "/review/decisions", "/api/v1/admin/users")) {
            assertThat(admin.get(path).headers().firstValue("Cache-Control").orElse("")).as(path)
                    .contains("no-store");
        }
        assertThat(Caller.nobody(port).get("/api/v1/decisions").headers().firstValue("Cache-Control").orElse(""))
                .contains("no-store");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("pln-default-test");
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
