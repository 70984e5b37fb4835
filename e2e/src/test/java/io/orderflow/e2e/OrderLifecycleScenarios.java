package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The order's life after delivery is scheduled, over HTTP: the simulated carrier reports on its own
 * (delivered, lost, returned, or nothing), the test plays the carrier through the signed webhook,
 * and an operator resolves an overdue delivery. Subclasses say where the platform runs.
 */
public abstract class OrderLifecycleScenarios {

    protected static final Duration TERMINAL_WITHIN = Duration.ofSeconds(90);

    protected abstract OrderflowClient client();

    /** The secret the platform's carrier webhook checks. */
    protected abstract String carrierSecret();

    /** How long after scheduling a parcel that never arrives is flagged overdue, at most, plus slack. */
    protected abstract Duration overdueWithin();

    protected String freshSku(int available) {
        String sku = "LIFE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response put = client().putProduct(sku, "Lifecycle mug " + sku, 1250, "EUR", available);
        assertThat(put.status()).as("PUT product: %s", put.body()).isEqualTo(200);
        return sku;
    }

    protected String placeShippedTo(String sku, String line1) {
        Response placed = client().placeOrder(OrderflowClient.shippedTo(
                OrderflowClient.order("cust-life", sku, 2, "tok_visa", "GB"), line1), null);
        assertThat(placed.status()).as("POST order: %s", placed.body()).isEqualTo(202);
        return placed.text("orderId");
    }

    @Test
    void aLostParcelIsRefundedAndItsGoodsDoNotComeBack() {
        String sku = freshSku(5);

        JsonNode view = client().awaitTerminal(placeShippedTo(sku, "12 LOSE-ME Street"), TERMINAL_WITHIN);

        assertThat(view.path("status").asText()).isEqualTo("FAILED");
        assertThat(view.path("failure").path("code").asText()).isEqualTo("DELIVERY_LOST");
        assertThat(view.path("timeline").findValuesAsText("event")).containsSubsequence("PICKED_UP", "LOST");
        assertThat(client().available(sku)).as("lost goods are gone").isEqualTo(3);
    }

    @Test
    void aReturnedParcelIsRefundedAndItsGoodsAreBackInStock() {
        String sku = freshSku(5);

        JsonNode view = client().awaitTerminal(placeShippedTo(sku, "RETURN-ME 4"), TERMINAL_WITHIN);

        assertThat(view.path("status").asText()).isEqualTo("FAILED");
        assertThat(view.path("failure").path("code").asText()).isEqualTo("DELIVERY_RETURNED");
        assertThat(client().available(sku)).as("returned goods are restocked").isEqualTo(5);
    }

    @Test
    void aParcelNobodyReportsOnIsCompletedByASignedEventAndAReplayOrForgeryChangesNothing() {
        String orderId = placeShippedTo(freshSku(5), "NEVER-ARRIVES 1");
        JsonNode shipping = awaitView(orderId, "picked up and shipping",
                view -> view.path("status").asText().equals("SHIPPING")
                        && view.path("timeline").findValuesAsText("event").contains("PICKED_UP"));
        String delivered = event(orderId, shipping.path("trackingNumber").asText(), "DELIVERED");

        Response forged = client().postCarrierEvent(delivered, CarrierSignatures.sign("not-the-secret", delivered));
        Response unsigned = client().postCarrierEvent(delivered, null);
        assertThat(forged.status()).as(forged.body().toString()).isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(client().getOrder(orderId).text("status")).isEqualTo("SHIPPING");

        Response accepted = client().postCarrierEvent(delivered, CarrierSignatures.sign(carrierSecret(), delivered));
        assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(202);
        JsonNode view = client().awaitTerminal(orderId, TERMINAL_WITHIN);
        Response replayed = client().postCarrierEvent(delivered, CarrierSignatures.sign(carrierSecret(), delivered));

        assertThat(view.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(replayed.status()).as("the same event again").isEqualTo(200);
        assertThat(client().getOrder(orderId).body().path("timeline").findValuesAsText("event"))
                .containsOnlyOnce("DELIVERED");
    }

    @Test
    void anOverdueDeliveryIsFlaggedAndResolvedByAnOperator() {
        String sku = freshSku(5);
        String orderId = placeShippedTo(sku, "NEVER-ARRIVES 2");
        JsonNode overdue = await("order " + orderId + " overdue").atMost(overdueWithin())
                .pollInterval(Duration.ofMillis(200))
                .until(() -> client().getOrder(orderId).body(),
                        view -> view.path("attention").path("reason").asText().equals("DELIVERY_OVERDUE"));
        assertThat(overdue.path("status").asText()).isEqualTo("SHIPPING");
        assertThat(overdue.path("attention").path("step").asText()).isEqualTo("SHIPPING");

        Response resolved = client().resolve(orderId, "LOST", "the carrier confirmed the loss");
        Response again = client().resolve(orderId, "DELIVERED", "changed my mind");
        JsonNode view = client().awaitTerminal(orderId, TERMINAL_WITHIN);

        assertThat(resolved.status()).as(resolved.body().toString()).isEqualTo(202);
        assertThat(again.status()).as("nothing left to resolve").isEqualTo(409);
        assertThat(view.path("failure").path("code").asText()).isEqualTo("DELIVERY_LOST");
        assertThat(view.path("failure").path("message").asText()).contains("the carrier confirmed the loss");
        assertThat(view.path("attention").isNull()).isTrue();
        assertThat(client().available(sku)).isEqualTo(3);
    }

    protected JsonNode awaitView(String orderId, String description, java.util.function.Predicate<JsonNode> condition) {
        return await("order " + orderId + " " + description).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> client().getOrder(orderId).body(), condition::test);
    }

    protected static String event(String orderId, String trackingNumber, String type) {
        return "{\"eventId\":\"e2e-" + UUID.randomUUID() + "\",\"trackingNumber\":\"" + trackingNumber
                + "\",\"reference\":\"" + orderId + "\",\"type\":\"" + type + "\",\"at\":\"" + Instant.now() + "\"}";
    }
}
