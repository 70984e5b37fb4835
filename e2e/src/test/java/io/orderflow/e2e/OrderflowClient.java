package io.orderflow.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small client of the REST contract, as an outside consumer would write it. Each call carries
 * the bearer token its token source gives (fetched from the identity provider and renewed there),
 * or none for an anonymous client. Its HTTP client is the module's only one.
 */
public final class OrderflowClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;
    private final Supplier<String> bearerToken;

    public OrderflowClient(URI base, Supplier<String> bearerToken) {
        this.base = base;
        this.bearerToken = bearerToken;
    }

    /** The same API as another caller ({@code null}: no token at all). */
    public OrderflowClient as(Supplier<String> otherToken) {
        return new OrderflowClient(base, otherToken);
    }

    /** The same API with one fixed token, for example a tampered one. */
    public OrderflowClient withToken(String token) {
        return new OrderflowClient(base, () -> token);
    }

    public record Response(int status, Map<String, List<String>> headers, JsonNode body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        public String text(String field) {
            JsonNode node = body.path(field);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }
    }

    /** An order body; a {@code null} customerId leaves the field out (the customer is the token's subject). */
    public static ObjectNode order(String customerId, String sku, int quantity, String token, String country) {
        ObjectNode order = JSON.createObjectNode();
        if (customerId != null) {
            order.put("customerId", customerId);
        }
        order.putArray("items").addObject().put("sku", sku).put("quantity", quantity);
        order.putObject("payment").put("token", token);
        order.putObject("shippingAddress")
                .put("name", "Ada Lovelace").put("line1", "12 Main St").put("city", "London")
                .put("postalCode", "N1 9GU").put("country", country);
        return order;
    }

    /** The same order shipped to an address whose first line is {@code line1} (the simulated carrier keys on it). */
    public static ObjectNode shippedTo(ObjectNode order, String line1) {
        ((ObjectNode) order.path("shippingAddress")).put("line1", line1);
        return order;
    }

    public Response placeOrder(JsonNode body, String idempotencyKey) {
        HttpRequest.Builder request = json("/api/v1/orders").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    public Response getOrder(String orderId) {
        return send(json("/api/v1/orders/" + orderId).GET());
    }

    /** Long-polls until the order is terminal (the gateway caps one wait at 60 s; we ask 30 s a round). */
    public JsonNode awaitTerminal(String orderId, Duration atMost) {
        return await("order " + orderId + " terminal").dontCatchUncaughtExceptions().atMost(atMost)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> waitForTerminal(orderId), view -> isTerminal(view.path("status").asText()));
    }

    private JsonNode waitForTerminal(String orderId) {
        Response response = send(json("/api/v1/orders/" + orderId + "?waitForTerminal=PT30S").GET()
                .timeout(Duration.ofSeconds(45)));
        if (response.status() != 200) {
            throw new AssertionError("GET order " + orderId + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    /** Cancels with a reason, or with no body at all when {@code reason} is {@code null}. */
    public Response cancel(String orderId, String reason) {
        String body = reason == null ? "" : JSON.createObjectNode().put("reason", reason).toString();
        return send(json("/api/v1/orders/" + orderId + "/cancel").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Operators: resolve an overdue delivery as DELIVERED, LOST or RETURNED. */
    public Response resolve(String orderId, String outcome, String note) {
        String body = JSON.createObjectNode().put("outcome", outcome).put("note", note).toString();
        return send(json("/api/v1/orders/" + orderId + "/resolve").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Operators: make the order's failing compensation try again now. */
    public Response retryCompensation(String orderId) {
        return send(json("/api/v1/orders/" + orderId + "/retry-compensation").POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Posts to the carrier webhook as the carrier does: no token, the body exactly as signed. */
    public Response postCarrierEvent(String body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/carrier/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("Carrier-Signature", signature);
        }
        return send(request);
    }

    public Response listOrders(String query) {
        return send(json("/api/v1/orders?" + query).GET());
    }

    public Response createCart() {
        return send(json("/api/v1/carts").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response getCart(String cartId) {
        return send(json("/api/v1/carts/" + cartId).GET());
    }

    public Response setCartLine(String cartId, String sku, int quantity) {
        String body = JSON.createObjectNode().put("quantity", quantity).toString();
        return send(json("/api/v1/carts/" + cartId + "/lines/" + sku).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response removeCartLine(String cartId, String sku) {
        return send(json("/api/v1/carts/" + cartId + "/lines/" + sku).DELETE());
    }

    /** Checks the cart out, paid with {@code token}, to the sample address in {@code country}. */
    public Response checkoutCart(String cartId, String token, String country) {
        ObjectNode order = order(null, "unused", 1, token, country);
        ObjectNode body = JSON.createObjectNode();
        body.set("payment", order.get("payment"));
        body.set("shippingAddress", order.get("shippingAddress"));
        return send(json("/api/v1/carts/" + cartId + "/checkout").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Response putProduct(String sku, String name, long priceCents, String currency, int available) {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("priceCents", priceCents)
                .put("currency", currency).put("available", available);
        return send(json("/api/v1/products/" + sku).PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A product of the test's own (EUR 12.50, 10 in stock), so no other test's orders can take its stock. */
    public String ownProduct(String skuPrefix, String name) {
        String sku = skuPrefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response stocked = putProduct(sku, name, 1250, "EUR", 10);
        if (stocked.status() != 200) {
            throw new AssertionError("PUT product " + sku + " answered " + stocked.status() + ": " + stocked.body());
        }
        return sku;
    }

    /** Places one unit of {@code sku} for {@code customerId}, paid and shipped normally; its id once COMPLETED. */
    public String completedOrder(String customerId, String sku, Duration within) {
        String orderId = placeOrder(order(customerId, sku, 1, "tok_visa", "GB"), null).text("orderId");
        String status = awaitTerminal(orderId, within).path("status").asText();
        if (!"COMPLETED".equals(status)) {
            throw new AssertionError("order " + orderId + " ended " + status + ", not COMPLETED");
        }
        return orderId;
    }

    public Response getProduct(String sku) {
        return send(json("/api/v1/products/" + sku).GET());
    }

    public int available(String sku) {
        Response product = getProduct(sku);
        if (product.status() != 200) {
            throw new AssertionError("GET product " + sku + " answered " + product.status() + ": " + product.body());
        }
        return product.body().path("available").asInt();
    }

    public static boolean isTerminal(String status) {
        return "COMPLETED".equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status);
    }

    private HttpRequest.Builder json(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken.get());
        }
        return request;
    }

    /**
     * Sends the request; a {@code 429} is retried after the {@code Retry-After} the gateway names,
     * a few times, as a well-behaved client of a rate-limited API does.
     */
    private Response send(HttpRequest.Builder request) {
        Response response = sendOnce(request);
        for (int retry = 0; retry < 5 && response.status() == 429; retry++) {
            String retryAfter = response.header("Retry-After");
            sleep(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter)));
            response = sendOnce(request);
        }
        return response;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response sendOnce(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().map(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request to something other than the REST contract (metrics, the Temporal UI's API), as text. */
    public static HttpResponse<String> sendRaw(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
