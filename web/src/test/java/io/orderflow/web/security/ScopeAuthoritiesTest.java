package io.orderflow.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class ScopeAuthoritiesTest {

    @Test
    void aCustomerIsNoOperatorEvenWhenTheTokenResponseListedEveryScopeAskedFor() {
        Collection<? extends GrantedAuthority> mapped = new ScopeAuthorities().mapAuthorities(List.of(
                user(List.of("openid", "orders:read", "orders:write")),
                new SimpleGrantedAuthority("SCOPE_orders:admin"),
                new SimpleGrantedAuthority("SCOPE_orders:read")));

        assertThat(names(mapped)).contains("SCOPE_orders:read", "SCOPE_orders:write")
                .doesNotContain(ScopeAuthorities.OPERATOR);
    }

    @Test
    void theOperatorsIdTokenMakesThemAnOperator() {
        Collection<? extends GrantedAuthority> mapped = new ScopeAuthorities().mapAuthorities(List.of(
                user(List.of("orders:read", "orders:admin", "catalog:write"))));

        assertThat(names(mapped)).contains(ScopeAuthorities.OPERATOR, ScopeAuthorities.CATALOG_EDITOR);
    }

    @Test
    void anIssuerWhoseIdTokensNameNoScopesIsTakenAtItsTokenResponsesWord() {
        OidcUserAuthority user = new OidcUserAuthority(new OidcIdToken("id-token", Instant.now(),
                Instant.now().plusSeconds(60), Map.of("sub", "someone")));

        Collection<? extends GrantedAuthority> mapped = new ScopeAuthorities().mapAuthorities(List.of(user,
                new SimpleGrantedAuthority(ScopeAuthorities.OPERATOR)));

        assertThat(names(mapped)).contains(ScopeAuthorities.OPERATOR);
    }

    private static OidcUserAuthority user(List<String> scopes) {
        return new OidcUserAuthority(new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                Map.of("sub", "someone", "scope", scopes)));
    }

    private static List<String> names(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).toList();
    }
}
