package dev.pln.service.security;

import dev.pln.service.system.InputProblemException;
import dev.pln.service.system.ResourceNotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and API keys. With security on, only {@code ADMIN} reaches these (the filter chain); with it off, the
 * admin token guards them like every administrative endpoint ({@code AdminWebConfiguration}).
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountsController {

    private final Accounts accounts;

    AccountsController(Accounts accounts) {
        this.accounts = accounts;
    }

    /** {@code {"username", "password", "roles", "jurisdiction"}}; no jurisdiction means the whole district. */
    record NewUser(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String username,
            @NotBlank @Size(min = 12, max = 128) String password, @NotEmpty Set<Role> roles,
            @Valid ScopeRequest jurisdiction) {
    }

    record NewKey(@NotBlank @Size(max = 100) String name, @NotEmpty Set<Role> roles,
            @Valid ScopeRequest jurisdiction) {
    }

    record ScopeRequest(@Size(min = 1, max = 100) String town, @Size(min = 1, max = 100) String village) {

        Jurisdiction toJurisdiction() {
            return new Jurisdiction(town, village);
        }
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> createUser(@Valid @RequestBody NewUser user) {
        Jurisdiction scope = jurisdiction(user.jurisdiction());
        if (!accounts.createUser(user.username(), user.password(), user.roles(), scope)) {
            ProblemDetail taken = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "A user named " + user.username() + " exists already.");
            taken.setType(URI.create("/problems/user-exists"));
            taken.setTitle("User exists");
            throw new ErrorResponseException(HttpStatus.CONFLICT, taken, null);
        }
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.username()))
                .body(Map.of("username", user.username(), "roles", user.roles(), "jurisdiction", scope));
    }

    @PostMapping(path = "/api-keys", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Accounts.IssuedKey createKey(@Valid @RequestBody NewKey key) {
        return accounts.createKey(key.name(), key.roles(), jurisdiction(key.jurisdiction()));
    }

    /** No jurisdiction is the whole district; a village needs its town (else it would silently widen). */
    private static Jurisdiction jurisdiction(ScopeRequest requested) {
        if (requested == null) {
            return Jurisdiction.DISTRICT;
        }
        if (requested.village() != null && requested.town() == null) {
            throw new InputProblemException("A village needs its town.", List.of(
                    new InputProblemException.FieldError("/jurisdiction/town", "is required with a village")));
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
