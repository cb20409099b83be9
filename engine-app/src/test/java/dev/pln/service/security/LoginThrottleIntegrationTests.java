package dev.pln.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pln.service.security.SecuredService.Caller;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Signing in under attack, with security on: parallel guesses, strangers locking someone out, an address trying
 * many accounts, unknown usernames. Each test speaks from addresses of its own ({@code X-Forwarded-For} from the
 * loopback, a trusted proxy), so that one test's failures count against nobody else's address. The service's password
 * comparisons are counted, which gives this class a context of its own (on the same store as the other secured
 * tests).
 */
@Import(LoginThrottleIntegrationTests.CountedChecks.class)
@TestPropertySource(properties = { "pln.security.max-failed-logins-per-account=" + LoginThrottleIntegrationTests.PER_ACCOUNT,
        "pln.security.max-failed-logins-per-address=" + LoginThrottleIntegrationTests.PER_ADDRESS })
class LoginThrottleIntegrationTests extends SecuredIntegrationTest {

    static final String DECISIONS = "/api/v1/decisions";
    /** Lower than the defaults (100, 50), so that reaching them takes seconds. */
    static final int PER_ACCOUNT = 10;
    static final int PER_ADDRESS = 10;

    /** One password comparison: what was typed, and the hash it was compared with. */
    record Check(String password, String hash) {
    }

    /** Counts every password comparison the service makes (the encoder, wrapped; its own context). */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountedChecks {

        static final Queue<Check> CHECKS = new ConcurrentLinkedQueue<>();

        @Bean
        static BeanPostProcessor countPasswordChecks() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof PasswordEncoder encoder ? new PasswordEncoder() {
                        @Override
                        public String encode(CharSequence password) {
                            return encoder.encode(password);
                        }

                        @Override
                        public boolean matches(CharSequence password, String hash) {
                            CHECKS.add(new Check(String.valueOf(password), hash));
                            return encoder.matches(password, hash);
                        }
                    } : bean;
                }
            };
        }
    }

    @Autowired
    MongoTemplate mongo;

    HttpResponse<String> basic(String username, String password, String address) {
        return Caller.basic(port, username, password).send("GET", DECISIONS, null, null, "X-Forwarded-For", address);
    }

    JsonNode user(String username) {
        return JSON.readTree(admin().get("/api/v1/admin/users/" + username).body());
    }

    @Test
    void fiftyParallelGuessesMakeFivePasswordChecksAndTheRightPasswordIsNotAcceptedWhileLocked() throws Exception {
        createUser(admin(), "lt-parallel", List.of("REVIEWER"), null);
        String hash = mongo.findById("lt-parallel", UserAccount.class).passwordHash();
        String address = "198.51.100.1";
        ExecutorService connections = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> rightPassword = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String guess = "wrong guess " + i;
            rightPassword.add(connections.submit(() -> {
                start.await();
                basic("lt-parallel", guess, address);
                return basic("lt-parallel", PASSWORD, address).statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> status : rightPassword) {
            statuses.add(status.get(2, TimeUnit.MINUTES));
        }
        connections.shutdown();

        List<String> checked = CountedChecks.CHECKS.stream().filter(check -> check.hash().equals(hash))
                .map(Check::password).toList();
        assertThat(checked).as("passwords compared with the account's hash").hasSize(5)
                .allSatisfy(password -> assertThat(password).startsWith("wrong guess"));
        assertThat(statuses).as("the right password, each sent after a wrong one").containsOnly(401);
        assertThat(user("lt-parallel").get("failedLogins").asInt()).isEqualTo(5);
        assertThat(user("lt-parallel").get("locked").asBoolean()).isTrue();
    }

    @Test
    void aStrangersFailuresLockOnlyTheStrangerOutOfTheAdminAccount() {
        String stranger = "203.0.113.66";
        String password = initial.get("password").asString();
        for (int i = 0; i < 5; i++) {
            assertThat(basic("admin", "guess-" + i, stranger).statusCode()).isEqualTo(401);
        }

        assertThat(basic("admin", password, stranger).statusCode()).as("the stranger's address is locked out")
                .isEqualTo(401);
        assertThat(basic("admin", password, "192.0.2.10").statusCode()).as("the admin, from its own address")
                .isEqualTo(200);
        assertThat(admin().get(DECISIONS).statusCode()).isEqualTo(200);
    }

    @Test
    void anAddressThatFailsOnManyAccountsIsRefusedForEveryAccountWhileOtherAddressesSignIn() throws Exception {
        createUser(admin(), "lt-many", List.of("REVIEWER"), null);
        String address = "198.51.100.77";
        ExecutorService connections = Executors.newFixedThreadPool(10);
        List<Future<Integer>> failures = new ArrayList<>();
        for (int i = 0; i < PER_ADDRESS; i++) {
            String username = "lt-nobody-" + i;
            failures.add(connections.submit(() -> basic(username, "guess", address).statusCode()));
        }
        for (Future<Integer> failure : failures) {
            assertThat(failure.get(2, TimeUnit.MINUTES)).isEqualTo(401);
        }
        connections.shutdown();

        assertThat(basic("lt-many", PASSWORD, address).statusCode()).as("an account it never tried").isEqualTo(401);
        assertThat(basic("lt-many", PASSWORD, "192.0.2.20").statusCode()).isEqualTo(200);
    }

    @Test
    void failuresFromManyAddressesShutTheAccountToEveryAddressAtItsCeiling() throws Exception {
        createUser(admin(), "lt-ceiling", List.of("REVIEWER"), null);
        ExecutorService connections = Executors.newFixedThreadPool(PER_ACCOUNT / 5);
        List<Future<?>> addresses = new ArrayList<>();
        for (int a = 0; a < PER_ACCOUNT / 5; a++) {
            String address = "198.51.100." + (100 + a);
            addresses.add(connections.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    assertThat(basic("lt-ceiling", "guess-" + i, address).statusCode()).isEqualTo(401);
                }
            }));
        }
        for (Future<?> address : addresses) {
            address.get(2, TimeUnit.MINUTES);
        }
        connections.shutdown();

        assertThat(basic("lt-ceiling", PASSWORD, "192.0.2.30").statusCode()).as("an address that never failed")
                .isEqualTo(401);
        assertThat(user("lt-ceiling").get("failedLogins").asInt()).isEqualTo(PER_ACCOUNT);
        assertThat(user("lt-ceiling").get("locked").asBoolean()).isTrue();
        assertThat(admin().put("/api/v1/admin/users/lt-ceiling/password", "{\"password\": \"" + PASSWORD + "\"}")
                .statusCode()).isEqualTo(204);
        assertThat(basic("lt-ceiling", PASSWORD, "192.0.2.30").statusCode()).as("an admin set the password")
                .isEqualTo(200);
        assertThat(user("lt-ceiling").get("locked").asBoolean()).isFalse();
    }

    /**
     * Only lower bounds of the deliberate delay are asserted (a slow machine answers later, never sooner): the n-th
     * failure in a row waits n × 200 ms, at most 1 s — for an unknown username just as for a known one, and for the
     * refused sixth as for the fifth.
     */
    @Test
    void unknownAndKnownUsernamesAreAnsweredAlikeAndSlowedAlike() {
        createUser(admin(), "lt-known", List.of("REVIEWER"), null);
        for (int n = 1; n <= 6; n++) {
            long known = System.nanoTime();
            HttpResponse<String> toKnown = basic("lt-known", "wrong-" + n, "198.51.100.31");
            known = System.nanoTime() - known;
            long unknown = System.nanoTime();
            HttpResponse<String> toUnknown = basic("lt-unknown", "wrong-" + n, "198.51.100.32");
            unknown = System.nanoTime() - unknown;

            assertThat(toUnknown.statusCode()).isEqualTo(toKnown.statusCode()).isEqualTo(401);
            assertThat(toUnknown.body()).isEqualTo(toKnown.body());
            assertThat(toUnknown.headers().allValues("WWW-Authenticate"))
                    .isEqualTo(toKnown.headers().allValues("WWW-Authenticate"));
            long slowest = Math.min(n, 5) * 200L;
            assertThat(TimeUnit.NANOSECONDS.toMillis(known)).as("failure %d of a known username", n)
                    .isGreaterThanOrEqualTo(slowest);
            assertThat(TimeUnit.NANOSECONDS.toMillis(unknown)).as("failure %d of an unknown username", n)
                    .isGreaterThanOrEqualTo(slowest);
        }
        assertThat(signIn("lt-known", "wrong", "198.51.100.33")).isEqualTo(signIn("lt-unknown", "wrong",
                "198.51.100.34")).endsWith("/login?error");
    }

    /** Where the login form sends the browser after signing in from this address. */
    String signIn(String username, String password, String address) {
        Caller browser = Caller.nobody(port);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(browser.get("/login").body());
        assertThat(token.find()).isTrue();
        return browser.send("POST", "/login", "application/x-www-form-urlencoded", "username=" + username
                + "&password=" + password + "&_csrf=" + token.group(1), "X-Forwarded-For", address).headers()
                .firstValue("Location").orElse("");
    }
}
