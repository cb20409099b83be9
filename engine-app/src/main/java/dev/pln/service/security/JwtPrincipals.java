package dev.pln.service.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps an identity provider's token to a {@link Principal}: the subject (or {@code preferred_username}) names it,
 * the roles claim ({@code pln.security.roles-claim}, a list of role names) gives the roles — unknown names are
 * ignored — and the jurisdiction claim ({@code {"town", "village"}}) the scope; without one, the whole district;
 * a token whose claim names no town, or a blank or padded town or village, is refused (401): such a claim used to
 * read as "no town", the whole district. The caller is named {@code idp:<preferred_username or sub>}.
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
            Object town = claim instanceof Map<?, ?> scope ? scope.get("town") : null;
            Object village = claim instanceof Map<?, ?> scope ? scope.get("village") : null;
            if (!placeName(town) || village != null && !placeName(village)) {
                throw new InvalidBearerTokenException("The token's jurisdiction claim names no town.");
            }
            jurisdiction = new Jurisdiction((String) town, (String) village);
        }
        String name = jwt.getClaimAsString("preferred_username");
        name = name != null ? name : jwt.getSubject();
        if (name == null || name.isBlank()) {
            throw new InvalidBearerTokenException("The token names no subject.");
        }
        // Prefixed, so that no token can take the name of a local user or key.
        return new PrincipalAuthentication(new Principal("idp:" + name, Set.copyOf(roles), jurisdiction));
    }

    private static boolean placeName(Object value) {
        return value instanceof String name && Jurisdiction.isPlaceName(name);
    }
}
