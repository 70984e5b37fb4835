package io.orderflow.identity.testing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gets access tokens from a running identity provider the documented way: {@code POST /oauth2/token}
 * with {@code grant_type=client_credentials}, the client's id and secret (HTTP Basic) and the scopes
 * it asks for. Tokens are kept per client and scopes until shortly before they expire.
 */
public final class DevTokens {

    /** The documented dev clients and secrets (see the README). */
    public static final DevClient ALICE = new DevClient("customer-alice", "alice-dev-secret", "orders:read orders:write");
    public static final DevClient BOB = new DevClient("customer-bob", "bob-dev-secret", "orders:read orders:write");
    public static final DevClient OPERATOR = new DevClient("operator", "operator-dev-secret",
            "orders:read orders:write orders:admin catalog:write");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI tokenEndpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<DevClient, Token> cache = new ConcurrentHashMap<>();

    public DevTokens(URI issuer) {
        this.tokenEndpoint = URI.create(issuer.toString().replaceAll("/$", "") + "/oauth2/token");
    }

    public record DevClient(String clientId, String secret, String scopes) {

        /** The same client asking for fewer (or other) scopes. */
        public DevClient withScopes(String otherScopes) {
            return new DevClient(clientId, secret, otherScopes);
        }
    }

    private record Token(String value, long expiresAtNanos) {
    }

    /** A valid access token for this client (cached until 30 s before it expires). */
    public String accessToken(DevClient client) {
        Token token = cache.get(client);
        if (token == null || System.nanoTime() > token.expiresAtNanos()) {
            JsonNode response = request(client);
            long lifetimeSeconds = response.path("expires_in").asLong(60);
            token = new Token(response.path("access_token").asText(),
                    System.nanoTime() + Duration.ofSeconds(Math.max(0, lifetimeSeconds - 30)).toNanos());
            cache.put(client, token);
        }
        return token.value();
    }

    /** A fresh token, never cached (for tests that let it expire). */
    public String freshAccessToken(DevClient client) {
        return request(client).path("access_token").asText();
    }

    private JsonNode request(DevClient client) {
        String basic = Base64.getEncoder().encodeToString(
                (client.clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(client.scopes(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode() + " for "
                        + client.clientId() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
