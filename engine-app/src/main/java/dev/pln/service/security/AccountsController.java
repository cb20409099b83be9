package dev.pln.service.security;

import dev.pln.service.system.InputProblemException;
import dev.pln.service.system.ResourceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and API keys. With security on, only {@code ADMIN} reaches these (the filter chain); with it off, the
 * admin token guards them like every administrative endpoint ({@code AdminWebConfiguration}).
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountsController {

    private final Accounts accounts;
    private final LoginThrottle throttle;

    AccountsController(Accounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    /** {@code {"username", "password", "roles", "jurisdiction"}}; no jurisdiction means the whole district. */
    record NewUser(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String username,
            @NotBlank @Size(min = OwnPassword.MIN_LENGTH, max = OwnPassword.MAX_LENGTH) String password,
            @NotEmpty Set<Role> roles,
            @Valid ScopeRequest jurisdiction) {
    }

    /** A user's roles and jurisdiction, as they are to be from now on. */
    record UserChange(@NotEmpty Set<Role> roles, @Valid ScopeRequest jurisdiction) {
    }

    record NewPassword(
            @NotBlank @Size(min = OwnPassword.MIN_LENGTH, max = OwnPassword.MAX_LENGTH) String password) {
    }

    /**
     * A user as an admin sees it: never its password hash. {@code locked}: some address (or every one) is shut out
     * of it until {@code lockedUntil}; {@code failedLogins}: its failed logins from every address that count now.
     */
    record UserView(String username, Set<Role> roles, Jurisdiction jurisdiction, boolean locked,
            Instant lockedUntil, int failedLogins, Instant createdAt, Instant changedAt) {
    }

    /** A key as an admin sees it afterwards: never the key, nor its hash. */
    record KeyView(String id, String name, Set<Role> roles, Jurisdiction jurisdiction, Instant createdAt,
            Instant revokedAt) {
    }

    record NewKey(@NotBlank @Size(max = 100) String name, @NotEmpty Set<Role> roles,
            @Valid ScopeRequest jurisdiction) {
    }

    private static final String NOT_A_NAME = "must name a place: not blank, no white space around it";

    record ScopeRequest(@Size(min = 1, max = 100) String town, @Size(min = 1, max = 100) String village) {

        Jurisdiction toJurisdiction() {
            return new Jurisdiction(town, village);
        }
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<UserView> createUser(@Valid @RequestBody NewUser user) {
        Jurisdiction scope = jurisdiction(user.jurisdiction(), user.roles());
        if (!accounts.createUser(user.username(), user.password(), user.roles(), scope)) {
            throw conflict("/problems/user-exists", "User exists", "A user named " + user.username()
                    + " exists already.");
        }
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.username()))
                .body(user(user.username()));
    }

    @GetMapping("/users")
    List<UserView> users() {
        List<UserAccount> users = accounts.users();
        Map<String, LoginThrottle.Status> statuses = throttle.status(users.stream().map(UserAccount::username)
                .toList());
        return users.stream().map(user -> view(user, statuses.getOrDefault(user.username(),
                LoginThrottle.Status.CLEAR))).toList();
    }

    @GetMapping("/users/{username}")
    UserView user(@PathVariable String username) {
        return accounts.user(username).map(user -> view(user, throttle.status(username)))
                .orElseThrow(() -> noSuchUser(username));
    }

    /** New roles and jurisdiction (absent: the whole district); the user signs in again. */
    @PutMapping(path = "/users/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserView updateUser(@PathVariable String username, @Valid @RequestBody UserChange change) {
        Jurisdiction scope = jurisdiction(change.jurisdiction(), change.roles());
        changed(username, accounts.updateUser(username, change.roles(), scope));
        return user(username);
    }

    /** An admin sets a new password (a forgotten one, a locked account); the user signs in again. */
    @PutMapping(path = "/users/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> setPassword(@PathVariable String username, @Valid @RequestBody NewPassword password) {
        if (!accounts.setPassword(username, password.password())) {
            throw noSuchUser(username);
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/users/{username}")
    ResponseEntity<Void> deleteUser(@PathVariable String username) {
        changed(username, accounts.deleteUser(username));
        return ResponseEntity.noContent().build();
    }

    private static void changed(String username, Accounts.Change change) {
        switch (change) {
            case NO_SUCH_USER -> throw noSuchUser(username);
            case LAST_ADMIN -> throw conflict("/problems/last-admin", "Last admin", username
                    + " is the last user with the role ADMIN; give another user that role first.");
            case DONE -> {
            }
        }
    }

    private static ErrorResponseException conflict(String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setType(URI.create(type));
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    private static ResourceNotFoundException noSuchUser(String username) {
        return new ResourceNotFoundException("No user named " + username + ".");
    }

    private static UserView view(UserAccount user, LoginThrottle.Status status) {
        return new UserView(user.username(), user.roles(), user.jurisdiction(), status.lockedUntil().isPresent(),
                status.lockedUntil().orElse(null), status.failedLogins(), user.createdAt(), user.changedAt());
    }

    @GetMapping("/api-keys")
    List<KeyView> keys() {
        return accounts.keys().stream().map(key -> new KeyView(key.id(), key.name(), key.roles(), key.jurisdiction(),
                key.createdAt(), key.revokedAt())).toList();
    }

    @PostMapping(path = "/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accounts.IssuedKey> createKey(@Valid @RequestBody NewKey key) {
        Accounts.IssuedKey issued = accounts.createKey(key.name(), key.roles(),
                jurisdiction(key.jurisdiction(), key.roles()));
        // The key's own URI is where it is revoked (DELETE), as the API description promises on every 201.
        return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + issued.id())).body(issued);
    }

    /**
     * No jurisdiction is the whole district; one that is sent names its town (and maybe a village of it), never
     * blank or padded, or it is refused: a blank town once read as "none", the whole district. An admin is the
     * whole district's (it manages users and keys of every town).
     */
    private static Jurisdiction jurisdiction(ScopeRequest requested, Set<Role> roles) {
        if (requested == null) {
            return Jurisdiction.DISTRICT;
        }
        if (roles.contains(Role.ADMIN)) {
            throw new InputProblemException("An admin acts for the whole district.", List.of(
                    new InputProblemException.FieldError("/jurisdiction", "must be absent for the role ADMIN")));
        }
        List<InputProblemException.FieldError> errors = new ArrayList<>();
        if (requested.town() == null) {
            errors.add(new InputProblemException.FieldError("/jurisdiction/town", requested.village() == null
                    ? "is required; leave out jurisdiction for the whole district" : "is required with a village"));
        }
        else if (!Jurisdiction.isPlaceName(requested.town())) {
            errors.add(new InputProblemException.FieldError("/jurisdiction/town", NOT_A_NAME));
        }
        if (requested.village() != null && !Jurisdiction.isPlaceName(requested.village())) {
            errors.add(new InputProblemException.FieldError("/jurisdiction/village", NOT_A_NAME));
        }
        if (!errors.isEmpty()) {
            throw new InputProblemException("A jurisdiction names a town, and maybe a village of it; leave it out "
                    + "for the whole district.", errors);
        }
        return requested.toJurisdiction();
    }

    @DeleteMapping("/api-keys/{id}")
    ResponseEntity<Void> revokeKey(@PathVariable String id) {
        if (!accounts.revokeKey(id)) {
            throw new ResourceNotFoundException("No API key with id " + id + ".");
        }
        return ResponseEntity.noContent().build();
    }
}
