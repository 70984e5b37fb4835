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
 * as its ID token states ({@code scope} claim). The token response's own scope list names what the
 * client asked for, which is more than a customer holds; the ID token names what they hold. The
 * gateway decides for itself with the access token; this only decides which links and pages to show.
 */
public class ScopeAuthorities implements GrantedAuthoritiesMapper {

    public static final String OPERATOR = "SCOPE_orders:admin";
    public static final String CATALOG_EDITOR = "SCOPE_catalog:write";
    private static final String PREFIX = "SCOPE_";

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<GrantedAuthority> mapped = new HashSet<>();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority user) {
                mapped.add(authority);
                List<String> scopes = user.getIdToken().getClaimAsStringList("scope");
                if (scopes != null) {
                    scopes.forEach(scope -> mapped.add(new SimpleGrantedAuthority(PREFIX + scope)));
                }
            } else if (!authority.getAuthority().startsWith(PREFIX)) {
                mapped.add(authority);
            }
        }
        return mapped;
    }
}
