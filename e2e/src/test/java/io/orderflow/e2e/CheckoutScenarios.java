package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orderflow.e2e.OrderflowClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The checkout scenarios a customer and an operator care about, over HTTP against the REST
 * contract only. Subclasses say where the platform runs (embedded JVM or the real stack). Every
 * scenario creates its own SKU through the catalog API, so scenarios never share stock.
 */
public abstract class CheckoutScenarios {

    protected static final Duration TERMINAL_WITHIN = Duration.ofSeconds(90);

    protected abstract OrderflowClient client();

    protected String freshSku(int available) {
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response put = client().putProduct(sku, "End-to-end mug " + sku, 1250, "EUR", available);
        assertThat(put.status()).as("PUT product: %s", put.body()).isEqualTo(200);
        return sku;
    }

    protected String place(ObjectNode order) {
        Response placed = client().placeOrder(order, null);
        assertThat(placed.status()).as("POST order: %s", placed.body()).isEqualTo(202);
        String orderId = placed.text("orderId");
        assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
        return orderId;
    }

    @Test
    void completesAnOrderAndTakesItsStock() {
        String sku = freshSku(5);

        String orderId = place(OrderflowClient.order("cust-happy", sku, 2, "tok_visa", "GB"));
        JsonNode view = client().awaitTerminal(orderId, TERMINAL_WITHIN);

        assertThat(view.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(view.path("totalCents").asLong()).isEqualTo(2500);
        assertThat(view.path("currency").asText()).isEqualTo("EUR");
        assertThat(view.path("items").get(0).path("unitPriceCents").asLong()).isEqualTo(1250);
        assertThat(view.path("paymentId").asText()).isNotBlank();
        assertThat(view.path("trackingNumber").asText()).isNotBlank();
        assertThat(view.path("failure").isNull()).isTrue();
        assertThat(view.path("timeline").findValuesAsText("status"))
                .containsSubsequence("RESERVING_STOCK", "CHARGING_PAYMENT", "SCHEDULING_DELIVERY", "SHIPPING", "COMPLETED");
        assertThat(view.path("timeline").findValuesAsText("event"))
                .as("the simulated carrier reported the pick-up, then the delivery").containsSubsequence("PICKED_UP", "DELIVERED");
        assertThat(view.path("attention").isNull()).isTrue();
        assertThat(client().available(sku)).isEqualTo(3);
    }

    @Test
    void failsWithOutOfStockAndTakesNothing() {
        String sku = freshSku(1);

        JsonNode view = client().awaitTerminal(place(OrderflowClient.order("cust-oos", sku, 2, "tok_visa", "GB")), TERMINAL_WITHIN);

        assertFailed(view, "OUT_OF_STOCK");
        assertThat(client().available(sku)).isEqualTo(1);
    }

    @Test
    void failsWithUnknownSku() {
        JsonNode view = client().awaitTerminal(
                place(OrderflowClient.order("cust-unknown", "NO-SUCH-SKU-" + UUID.randomUUID().toString().substring(0, 6), 1, "tok_visa", "GB")),
                TERMINAL_WITHIN);

        assertFailed(view, "UNKNOWN_SKU");
    }

    @Test
    void declinedPaymentFailsTheOrderAndRestoresStock() {
        String sku = freshSku(4);

        JsonNode view = client().awaitTerminal(place(OrderflowClient.order("cust-declined", sku, 3, "tok_declined", "GB")), TERMINAL_WITHIN);

        assertFailed(view, "PAYMENT_DECLINED");
        assertThat(client().available(sku)).isEqualTo(4);
    }

    @Test
    void insufficientFundsFailsTheOrderAndRestoresStock() {
        String sku = freshSku(4);

        JsonNode view = client().awaitTerminal(place(OrderflowClient.order("cust-poor", sku, 1, "tok_insufficient_funds", "GB")), TERMINAL_WITHIN);

        assertFailed(view, "INSUFFICIENT_FUNDS");
        assertThat(client().available(sku)).isEqualTo(4);
    }

    @Test
    void unserviceableAddressRefundsPaymentAndRestoresStock() {
        String sku = freshSku(4);

        JsonNode view = client().awaitTerminal(place(OrderflowClient.order("cust-penguin", sku, 2, "tok_visa", "AQ")), TERMINAL_WITHIN);

        assertFailed(view, "ADDRESS_UNSERVICEABLE");
        assertThat(view.path("timeline").findValuesAsText("status")).contains("SCHEDULING_DELIVERY", "COMPENSATING");
        assertThat(client().available(sku)).isEqualTo(4);
    }

    @Test
    void flakyPaymentProviderCompletesAfterRetries() {
        String sku = freshSku(2);

        JsonNode view = client().awaitTerminal(place(OrderflowClient.order("cust-flaky", sku, 1, "tok_flaky", "DE")), TERMINAL_WITHIN);

        assertThat(view.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(client().available(sku)).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheSameOrderAndAnotherBodyIsRefused() {
        String sku = freshSku(10);
        String key = "e2e-" + UUID.randomUUID();
        ObjectNode order = OrderflowClient.order("cust-retry", sku, 1, "tok_visa", "GB");

        Response first = client().placeOrder(order, key);
        Response replay = client().placeOrder(order, key);
        Response reused = client().placeOrder(OrderflowClient.order("cust-retry", sku, 2, "tok_visa", "GB"), key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(replay.status()).isIn(200, 202);
        assertThat(replay.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text("type")).endsWith("idempotency-key-reused");
        assertThat(client().awaitTerminal(first.text("orderId"), TERMINAL_WITHIN).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(client().available(sku)).as("one order, one unit").isEqualTo(9);
    }

    @Test
    void cancelWhilePaymentIsInFlightCancelsTheOrderAndRestoresStock() throws InterruptedException {
        String sku = freshSku(3);
        String orderId = place(OrderflowClient.order("cust-cancel", sku, 1, "tok_slow", "GB"));
        awaitStatus(orderId, "CHARGING_PAYMENT");

        Response cancelled = client().cancel(orderId, "changed my mind");
        JsonNode view = client().awaitTerminal(orderId, TERMINAL_WITHIN);

        assertThat(cancelled.status()).as("cancel: %s", cancelled.body()).isEqualTo(202);
        assertThat(view.path("status").asText()).isEqualTo("CANCELLED");
        // These scenarios act as the operator, for customer cust-cancel: it is the operator's cancel.
        assertThat(view.path("failure").path("code").asText()).isEqualTo("CANCELLED_BY_OPERATOR");
        assertThat(client().available(sku)).isEqualTo(3);
    }

    @Test
    void cancelOfACompletedOrderIsAConflict() {
        String sku = freshSku(2);
        String orderId = place(OrderflowClient.order("cust-late", sku, 1, "tok_visa", "GB"));
        client().awaitTerminal(orderId, TERMINAL_WITHIN);

        Response cancel = client().cancel(orderId, "too late");

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.header("Content-Type")).startsWith("application/problem+json");
        assertThat(client().getOrder(orderId).text("status")).isEqualTo("COMPLETED");
    }

    @Test
    void aCancelWithoutAReasonIsWordedOnceByTheOrder() throws InterruptedException {
        String sku = freshSku(2);
        String orderId = place(OrderflowClient.order("cust-no-reason", sku, 1, "tok_slow", "GB"));
        awaitStatus(orderId, "CHARGING_PAYMENT");

        Response cancelled = client().cancel(orderId, null);

        assertThat(cancelled.status()).isEqualTo(202);
        JsonNode view = client().awaitTerminal(orderId, TERMINAL_WITHIN);
        assertThat(view.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(view.path("failure").path("message").asText()).isEqualTo("cancelled by an operator");
    }

    @Test
    void thirtyConcurrentOrdersForTenUnitsCompleteExactlyTenAndNeverOversell() throws Exception {
        String sku = freshSku(10);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> placed = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String customer = "cust-rush-" + i;
                placed.add(pool.submit(() -> place(OrderflowClient.order(customer, sku, 1, "tok_visa", "GB"))));
            }
            List<Future<JsonNode>> outcomes = new ArrayList<>();
            for (Future<String> orderId : placed) {
                String id = orderId.get();
                outcomes.add(pool.submit(() -> client().awaitTerminal(id, TERMINAL_WITHIN)));
            }
            List<JsonNode> views = new ArrayList<>();
            for (Future<JsonNode> outcome : outcomes) {
                views.add(outcome.get());
            }

            Map<String, Long> byOutcome = views.stream().collect(Collectors.groupingBy(
                    v -> v.path("status").asText() + "/" + v.path("failure").path("code").asText(""), Collectors.counting()));
            assertThat(byOutcome).containsExactlyInAnyOrderEntriesOf(Map.of("COMPLETED/", 10L, "FAILED/OUT_OF_STOCK", 20L));
            assertThat(client().available(sku)).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    protected void awaitStatus(String orderId, String status) {
        await("order " + orderId + " reaches " + status).dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> client().getOrder(orderId).text("status"), status::equals);
    }

    protected static void assertFailed(JsonNode view, String code) {
        assertThat(view.path("status").asText()).as("view %s", view).isEqualTo("FAILED");
        assertThat(view.path("failure").path("code").asText()).isEqualTo(code);
    }

}
