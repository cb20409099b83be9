package dev.pln.service.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A caller signed in by API key or JWT, as a {@link Principal}. */
final class PrincipalAuthentication extends AbstractAuthenticationToken {

    private final Principal principal;

    PrincipalAuthentication(Principal principal) {
        super(AccountUserDetails.authorities(principal.roles()));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.name();
    }
}
