package io.orderflow.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dev clients and users, under {@code orderflow.identity}. The defaults in {@code identity.yml}
 * are the documented dev secrets; every one can be overridden by configuration.
 *
 * @param clients machine clients (client_credentials), keyed by client id
 * @param users people who log in through the browser (authorization code + PKCE), keyed by username
 * @param browserClient the public client the web pages and Swagger UI log in with
 * @param confidentialClients server-side web applications that log people in with the authorization
 *     code flow and keep a secret (the Temporal Web UI's server), keyed by client id
 * @param accessTokenTtl how long an access token lives
 * @param allowedOrigins browser origins allowed to call the token endpoint (Swagger UI, web pages)
 */
@Validated
@ConfigurationProperties("orderflow.identity")
public record IdentityProperties(
        @NotEmpty Map<String, @Valid DevClient> clients,
        @NotNull Map<String, @Valid DevUser> users,
        @NotNull @Valid BrowserClient browserClient,
        @NotNull @DefaultValue Map<String, @Valid ConfidentialClient> confidentialClients,
        @NotNull @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DefaultValue List<String> allowedOrigins) {

    /** A client that acts for one subject: its tokens say {@code sub = subject}. */
    public record DevClient(@NotBlank String secret, @NotBlank String subject, @NotEmpty Set<String> scopes,
            Duration accessTokenTtl) {
    }

    /** A person; the scopes are the most their tokens can carry, whatever a client asks for. */
    public record DevUser(@NotBlank String password, @NotEmpty Set<String> scopes) {
    }

    /**
     * A server-side application that logs a person in for itself (authorization code, its own
     * secret); its tokens carry no more than the person holds. {@code requireProofKey}: it must
     * also use PKCE (the web pages do; the Temporal UI server cannot).
     */
    public record ConfidentialClient(@NotBlank String secret, @NotEmpty List<String> redirectUris,
            @NotNull @DefaultValue List<String> postLogoutRedirectUris, @DefaultValue("false") boolean requireProofKey) {
    }

    public record BrowserClient(@NotBlank String clientId, @NotEmpty List<String> redirectUris,
            @NotNull @DefaultValue List<String> postLogoutRedirectUris) {
    }
}
