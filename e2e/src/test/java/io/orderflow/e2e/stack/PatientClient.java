package io.orderflow.e2e.stack;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.e2e.OrderflowClient.Response;
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
        long deadline = System.nanoTime() + within.toNanos();
        String lastProblem = "never answered";
        while (System.nanoTime() < deadline) {
            try {
                Response response = client.placeOrder(order, idempotencyKey);
                if (response.status() == 202 || response.status() == 200) {
                    return response.text("orderId");
                }
                if (response.status() != 503) {
                    throw new AssertionError("POST order (key " + idempotencyKey + ") answered " + response.status() + ": " + response.body());
                }
                lastProblem = "503 " + response.body();
            } catch (UncheckedIOException e) {
                lastProblem = e.getCause().toString();
            }
            pause();
        }
        throw new AssertionError("order with key " + idempotencyKey + " not accepted within " + within + ": " + lastProblem);
    }

    /** The order's view once it is terminal, waiting through outages of the gateway or Temporal. */
    JsonNode awaitTerminal(String orderId, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        String lastSeen = "never answered";
        while (System.nanoTime() < deadline) {
            try {
                Response response = client.getOrder(orderId);
                if (response.status() == 200) {
                    if (OrderflowClient.isTerminal(response.text("status"))) {
                        return response.body();
                    }
                } else if (response.status() != 503) {
                    throw new AssertionError("GET order " + orderId + " answered " + response.status() + ": " + response.body());
                }
                lastSeen = response.status() + " " + response.body();
            } catch (UncheckedIOException e) {
                lastSeen = e.getCause().toString();
            }
            pause();
        }
        throw new AssertionError("order " + orderId + " not terminal within " + within + "; last answer: " + lastSeen);
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
