package io.orderflow.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Real HTTP against the gateway on its random port, so filters, error pages and headers are all in
 * play. The module's one HTTP client: every instance sends through the same connection pool.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: a test may open a thousand connections at once on two busy cores. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String bearerToken;

    /** A client that sends {@code Authorization: Bearer <bearerToken>}, or nothing when it is {@code null}. */
    public ApiClient(int port, String bearerToken) {
        this.base = "http://127.0.0.1:" + port;
        this.bearerToken = bearerToken;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    /** Sends without waiting for the answer, for tests that hold many requests open at once. */
    public CompletableFuture<Reply> getAsync(String path) {
        long started = System.nanoTime();
        return HTTP.sendAsync(request(path).GET().build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> new Reply(response, Duration.ofNanos(System.nanoTime() - started)));
    }

    public Reply postJson(String path, String body, String... headers) {
        return post(path, "application/json", body, headers);
    }

    public Reply post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    /** A body of unknown length (chunked transfer encoding): no Content-Length for the gateway to check. */
    public Reply postChunked(String path, byte[] body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    public Reply putJson(String path, String body, String... headers) {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder);
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            long started = System.nanoTime();
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its JSON body parsed on demand and how long it took. */
    public record Reply(HttpResponse<String> response, Duration took) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        /** The field names of a 400 problem's {@code errors} array. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
            return fields;
        }
    }
}
