package dev.pln.service.security;

import java.util.Set;

/**
 * Who is calling, however they signed in (password, API key or JWT): a name, the roles and the jurisdiction.
 * Read it with {@link CurrentUser}.
 */
public record Principal(String name, Set<Role> roles, Jurisdiction jurisdiction) {

    public boolean has(Role role) {
        return roles.contains(role) || roles.contains(Role.ADMIN);
    }
}
