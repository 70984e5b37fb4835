package io.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Tokens from the dev identity provider (client-credentials grant, the dev clients' documented
 * secrets): alice's for placing and following orders, renewed before it expires, and the
 * operator's for setting up the benchmark's product.
 */
final class DevIdentity {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String issuer;
    private String customerToken;
    private Instant customerTokenRenewAt = Instant.MIN;

    DevIdentity(String issuer) {
        this.issuer = issuer;
    }

    synchronized String customerToken() {
        if (Instant.now().isAfter(customerTokenRenewAt)) {
            JsonNode response = token("customer-alice", "alice-dev-secret", "orders:read orders:write");
            customerToken = response.path("access_token").asText();
            customerTokenRenewAt = Instant.now()
                    .plusSeconds(response.path("expires_in").asLong()).minus(RENEW_BEFORE_EXPIRY);
        }
        return customerToken;
    }

    /** Creates or replaces a product as the operator. */
    void putProduct(String baseUrl, String sku, int available) {
        String operator = token("operator", "operator-dev-secret", "catalog:write").path("access_token").asText();
        String body = """
                {"name": "Benchmark mug", "priceCents": 1000, "currency": "EUR", "available": %d}"""
                .formatted(available);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/products/" + sku))
                .header("Authorization", "Bearer " + operator)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT /products/" + sku + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private JsonNode token(String client, String secret, String scopes) {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scopes, StandardCharsets.UTF_8)))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token for " + client + ": " + response.statusCode() + " " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("token for " + client + ": not JSON", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
