package dev.pln.service.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A stored user as Spring Security signs it in; the signed-in principal is this, carrying a {@link Principal}. */
final class AccountUserDetails implements UserDetails {

    private final UserAccount account;

    AccountUserDetails(UserAccount account) {
        this.account = account;
    }

    /** When the password, roles or jurisdiction last changed, as of signing in. */
    Instant changedAt() {
        return account.changedAt();
    }

    Principal principal() {
        return new Principal(account.username(), account.roles(), account.jurisdiction());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(account.roles());
    }

    static List<SimpleGrantedAuthority> authorities(Collection<Role> roles) {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public String getPassword() {
        return account.passwordHash();
    }

    @Override
    public String getUsername() {
        return account.username();
    }
}
