package io.orderflow.web.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * What a logged-in person may do on these pages: the scopes the identity provider granted them,
 * as its ID token states ({@code scope} claim). The dev provider's token response names what the
 * client asked for, which is more than a customer holds; its ID token names what they hold. An
 * issuer whose ID tokens carry no {@code scope} claim is taken at its token response's word. The
 * gateway decides for itself with the access token; this only decides which links and pages to show.
 */
public class ScopeAuthorities implements GrantedAuthoritiesMapper {

    public static final String OPERATOR = "SCOPE_orders:admin";
    public static final String CATALOG_EDITOR = "SCOPE_catalog:write";
    private static final String PREFIX = "SCOPE_";

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        List<String> granted = authorities.stream()
                .filter(OidcUserAuthority.class::isInstance)
                .map(user -> ((OidcUserAuthority) user).getIdToken().getClaimAsStringList("scope"))
                .filter(scopes -> scopes != null)
                .findFirst().orElse(null);
        if (granted == null) {
            return authorities;
        }
        Set<GrantedAuthority> mapped = new HashSet<>();
        authorities.stream().filter(authority -> !authority.getAuthority().startsWith(PREFIX)).forEach(mapped::add);
        granted.forEach(scope -> mapped.add(new SimpleGrantedAuthority(PREFIX + scope)));
        return mapped;
    }
}
