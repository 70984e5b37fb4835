package io.orderflow.identity;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes every access token say who it acts for and no more than that party may do:
 * a dev client's token carries its configured subject ({@code customer-alice} → {@code alice});
 * a user's token carries only the scopes the user holds, whatever the browser client asked for.
 * A user's ID token names those same scopes ({@code scope}), so a login client (the web pages) can
 * tell a customer from an operator without reading the access token meant for the gateway.
 */
@Component
class ScopedTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final String SCOPE = "scope";
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final IdentityProperties identity;

    ScopedTokenClaims(IdentityProperties identity) {
        this.identity = identity;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean idToken = ID_TOKEN.equals(context.getTokenType());
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType()) && !idToken) {
            return;
        }
        if (!idToken && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            IdentityProperties.DevClient client = identity.clients().get(context.getRegisteredClient().getClientId());
            if (client != null) {
                context.getClaims().subject(client.subject());
            }
            return;
        }
        IdentityProperties.DevUser user = identity.users().get(context.getPrincipal().getName());
        Set<String> granted = new TreeSet<>(context.getAuthorizedScopes());
        granted.removeIf(scope -> isApiScope(scope) && (user == null || !user.scopes().contains(scope)));
        context.getClaims().claim(SCOPE, granted);
    }

    /** OIDC scopes (openid, profile) stay; the platform's own scopes are all of the form "x:y". */
    private static boolean isApiScope(String scope) {
        return scope.contains(":");
    }
}
