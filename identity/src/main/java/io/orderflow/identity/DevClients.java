package io.orderflow.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The registered clients: one client_credentials client per dev client, the browser client, and one
 * authorization-code client per confidential client (a server-side login such as the Temporal Web UI's).
 */
@Configuration(proxyBeanMethods = false)
class DevClients {

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties identity, PasswordEncoder passwords) {
        List<RegisteredClient> clients = new ArrayList<>();
        identity.clients().forEach((clientId, client) -> clients.add(RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(passwords.encode(client.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(client.scopes()))
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(client.accessTokenTtl() != null
                                ? client.accessTokenTtl() : identity.accessTokenTtl())
                        .build())
                .build()));
        clients.add(browserClient(identity));
        identity.confidentialClients().forEach((clientId, client) ->
                clients.add(confidentialClient(clientId, client, identity, passwords)));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * A server-side application that logs people in for itself and proves who it is with its
     * secret when it exchanges the code (PKCE only where configured: the Temporal UI server sends
     * none), and may refresh its tokens while the person's session lasts. Like
     * the browser client it may ask for every scope any user holds, and {@link ScopedTokenClaims}
     * trims each token to what its user holds: a customer logged into it never gets orders:admin.
     */
    private static RegisteredClient confidentialClient(String clientId, IdentityProperties.ConfidentialClient client,
            IdentityProperties identity, PasswordEncoder passwords) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientSecret(passwords.encode(client.secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scopes(scopes -> scopes.addAll(userScopes(identity)))
                .clientSettings(ClientSettings.builder().requireProofKey(client.requireProofKey())
                        .requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(identity.accessTokenTtl()).build())
                .build();
    }

    /**
     * A public client (no secret a browser could not keep) that must use PKCE. It may ask for every
     * scope any user holds; {@link ScopedTokenClaims} trims each token to what its user holds.
     */
    private static RegisteredClient browserClient(IdentityProperties identity) {
        IdentityProperties.BrowserClient browser = identity.browserClient();
        return RegisteredClient.withId(browser.clientId())
                .clientId(browser.clientId())
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(browser.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(browser.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scopes(scopes -> scopes.addAll(userScopes(identity)))
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(identity.accessTokenTtl()).build())
                .build();
    }

    /** Every scope any user holds: what a login client may ask for on a user's behalf. */
    private static Set<String> userScopes(IdentityProperties identity) {
        Set<String> allScopes = new TreeSet<>();
        identity.users().values().forEach(user -> allScopes.addAll(user.scopes()));
        return allScopes;
    }
}
