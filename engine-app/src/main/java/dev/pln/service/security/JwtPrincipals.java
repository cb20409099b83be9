package dev.pln.service.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps an identity provider's token to a {@link Principal}: the subject (or {@code preferred_username}) names it,
 * the roles claim ({@code pln.security.roles-claim}, a list of role names) gives the roles — unknown names are
 * ignored — and the jurisdiction claim ({@code {"town", "village"}}) the scope; without one, the whole district;
 * one without a town grants nothing. The caller is named {@code idp:<preferred_username or sub>}.
 */
final class JwtPrincipals implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings settings;

    JwtPrincipals(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (jwt.getClaims().get(settings.rolesClaim()) instanceof Collection<?> names) {
            for (Object name : names) {
                for (Role role : Role.values()) {
                    if (role.name().equals(String.valueOf(name))) {
                        roles.add(role);
                    }
                }
            }
        }
        Jurisdiction jurisdiction = Jurisdiction.DISTRICT;
        Object claim = jwt.getClaims().get(settings.jurisdictionClaim());
        if (claim != null) {
            String town = claim instanceof Map<?, ?> scope ? text(scope.get("town")) : null;
            String village = claim instanceof Map<?, ?> scope ? text(scope.get("village")) : null;
            if (town == null || town.isBlank()) {
                // A scope that cannot be read must not widen to the whole district: no roles, nothing allowed.
                roles.clear();
            }
            jurisdiction = new Jurisdiction(town, village);
        }
        String name = jwt.getClaimAsString("preferred_username");
        name = name != null ? name : jwt.getSubject();
        if (name == null || name.isBlank()) {
            throw new BadJwtException("The token names no subject.");
        }
        // Prefixed, so that no token can take the name of a local user or key.
        return new PrincipalAuthentication(new Principal("idp:" + name, Set.copyOf(roles), jurisdiction));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
