package io.orderflow.e2e.stack;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The REST client as a well-behaved caller uses it while a part of the platform is down: it retries
 * connection failures and {@code 503}s until a deadline, and places orders with an
 * {@code Idempotency-Key} so that a retried POST can never create a second order.
 */
final class PatientClient {

    private static final Duration PAUSE = Duration.ofMillis(500);

    private final OrderflowClient client;

    PatientClient(OrderflowClient client) {
        this.client = client;
    }

    /** Places the order, retrying through outages; returns the order id the gateway accepted. */
    String place(JsonNode order, String idempotencyKey, Duration within) {
        return await("order with key " + idempotencyKey + " accepted").atMost(within).pollInterval(PAUSE)
                .ignoreException(UncheckedIOException.class)
                .until(() -> client.placeOrder(order, idempotencyKey), response -> {
                    if (response.status() != 202 && response.status() != 200 && response.status() != 503) {
                        throw new AssertionError("POST order (key " + idempotencyKey + ") answered "
                                + response.status() + ": " + response.body());
                    }
                    return response.status() != 503;
                })
                .text("orderId");
    }

    /** The order's view once it is terminal, waiting through outages of the gateway or Temporal. */
    JsonNode awaitTerminal(String orderId, Duration within) {
        return await("order " + orderId + " terminal").atMost(within).pollInterval(PAUSE)
                .ignoreException(UncheckedIOException.class)
                .until(() -> client.getOrder(orderId), response -> {
                    if (response.status() != 200 && response.status() != 503) {
                        throw new AssertionError("GET order " + orderId + " answered " + response.status() + ": "
                                + response.body());
                    }
                    return response.status() == 200 && OrderflowClient.isTerminal(response.text("status"));
                })
                .body();
    }
}
