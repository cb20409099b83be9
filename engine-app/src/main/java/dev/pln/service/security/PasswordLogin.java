package dev.pln.service.security;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs people in with username and password (HTTP Basic and the login form), and checks the current password of
 * one changing it. A password is compared only with an attempt taken from {@link LoginThrottle}; without one the
 * answer is the same as for a wrong password, after the longest delay. An unknown username is answered exactly like
 * a known one: compared with a hash of nobody's password, counted and slowed the same. Each failure is answered later the more came
 * before it from that address on that account: 200 ms per failure in a row, at most 1 s. Stored users are the only
 * ones: there is no built-in or generated default user (Spring Boot makes none while this provider exists).
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(PasswordLogin.class);

    static final Duration SLOWDOWN = Duration.ofMillis(200);
    static final Duration SLOWEST = SLOWDOWN.multipliedBy(5);

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder passwords;
    /** Compared with when there is no hash to compare with, so that it takes as long as when there is. */
    private final String nobodysHash;

    PasswordLogin(Accounts accounts, LoginThrottle throttle, PasswordEncoder passwords) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.passwords = passwords;
        this.nobodysHash = passwords.encode(Accounts.randomPassword());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        Object credentials = authentication.getCredentials();
        try {
            AccountUserDetails user = check(authentication.getName(), credentials == null ? null
                    : credentials.toString(), address).map(AccountUserDetails::new)
                    .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
            UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(user,
                    null, user.getAuthorities());
            signedIn.setDetails(authentication.getDetails());
            return signedIn;
        }
        catch (AuthenticationException ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            // As Spring Security's own provider does: the password could not be checked (the store, say), which is
            // not a wrong password.
            throw new InternalAuthenticationServiceException("the password could not be checked", ex);
        }
    }

    /**
     * The stored user, when this is its password and a check was allowed; otherwise empty, answered only after the
     * failure's delay. {@code address} is the caller's, as the servlet container sees it.
     */
    Optional<UserAccount> check(String username, String password, String address) {
        long started = System.nanoTime();
        String name = username == null ? "" : username;
        Optional<UserAccount> user = name.isEmpty() ? Optional.empty() : accounts.user(name);
        Optional<LoginThrottle.Permit> permit = throttle.take(name, address, SLOWEST);
        if (permit.isPresent()) {
            // An unknown username costs the same comparison as a known one.
            String hash = user.map(UserAccount::passwordHash).orElse(nobodysHash);
            boolean matches = password != null && !password.isEmpty() && passwords.matches(password, hash);
            if (matches && user.isPresent()) {
                throttle.succeeded(permit.get());
                return user;
            }
            slowDown(started, failure(throttle.failed(permit.get())));
        }
        else {
            // No comparison at all (known and unknown usernames alike): a shut-out caller costs no CPU, only time.
            // What was typed as a username may be a password in the wrong field: only a known account is named.
            log.warn("Password {} from {} not checked: too many failed logins (of the address, of the account from "
                    + "this address, or of the account)", user.isPresent() ? "for user '"
                    + LoginEvents.printable(name) + "'" : "for an unknown username",
                    LoginEvents.printable(LoginThrottle.address(address)));
            slowDown(started, SLOWEST);
        }
        return Optional.empty();
    }

    /** How long after its check began the answer to the n-th failure in a row comes. */
    private static Duration failure(int inARow) {
        return SLOWDOWN.multipliedBy(Math.min(Math.max(inARow, 1), 5));
    }

    /** Answers no sooner than {@code delay} after the check began (waiting for an attempt counts towards it). */
    private static void slowDown(long started, Duration delay) {
        long left = delay.toNanos() - (System.nanoTime() - started);
        if (left <= 0) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
