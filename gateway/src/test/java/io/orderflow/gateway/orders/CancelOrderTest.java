package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.identity.testing.DevTokens;
import io.orderflow.gateway.support.CheckoutTestWorker;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CancelOrderTest extends GatewayIntegrationTest {

    private String place(String body) {
        return place(api(), body);
    }

    private String place(ApiClient as, String body) {
        String key = "cancel-" + UUID.randomUUID();
        ApiClient.Reply placed = as.postJson("/api/v1/orders", body, "Idempotency-Key", key);
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        return placed.json().path("orderId").asText();
    }

    /** Alice's order whose charge is in flight at the provider, held there until the test lets it go. */
    private String placeHeldAtPayment() {
        String orderId = place(as(DevTokens.ALICE), OrderJson.valid("alice", CheckoutTestWorker.HOLD));
        CheckoutTestWorker.HELD_CHARGES.of(orderId).awaitArrival();
        assertThat(status(orderId)).isEqualTo("CHARGING_PAYMENT");
        return orderId;
    }

    /** An order whose delivery is being booked with the carrier, held there. */
    private String placeHeldAtDelivery() {
        String orderId = place(OrderJson.with("cust-cancel", "tok_visa",
                order -> OrderJson.address(order).put("country", CheckoutTestWorker.HELD_DELIVERY_COUNTRY)));
        CheckoutTestWorker.HELD_DELIVERIES.of(orderId).awaitArrival();
        assertThat(status(orderId)).isEqualTo("SCHEDULING_DELIVERY");
        return orderId;
    }

    private String status(String orderId) {
        return api().get("/api/v1/orders/" + orderId).json().path("status").asText();
    }

    @Test
    void acceptsACancelBeforeDeliveryAndTheOrderEndsCancelledWithItsChargeRefunded() {
        String orderId = placeHeldAtPayment();

        ApiClient.Reply reply = as(DevTokens.ALICE).postJson("/api/v1/orders/" + orderId + "/cancel",
                "{\"reason\":\"changed my mind\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("orderId").asText()).isEqualTo(orderId);
        assertThat(reply.json().path("failure").path("code").asText()).isEqualTo("CANCELLED_BY_CUSTOMER");
        assertThat(reply.json().path("failure").path("message").asText())
                .isEqualTo("cancelled by the customer: changed my mind");
        CheckoutTestWorker.HELD_CHARGES.of(orderId).open();
        ApiClient.Reply end = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S");
        assertThat(end.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(CheckoutTestWorker.PAYMENT.netChargedCents(orderId)).as("the charge in flight is refunded").isZero();
        assertThat(CheckoutTestWorker.STOCK.holdsStockFor(orderId)).as("the stock is released").isFalse();
    }

    @Test
    void acceptsACancelWithoutABodyAndWordsItOnce() {
        String orderId = placeHeldAtPayment();

        ApiClient.Reply reply = as(DevTokens.ALICE).post("/api/v1/orders/" + orderId + "/cancel", "application/json", "");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("failure").path("message").asText()).isEqualTo("cancelled by the customer");
    }

    @Test
    void anOperatorCancellingAlicesOrderIsTheOperatorsCancelNotHers() {
        String orderId = placeHeldAtPayment();

        ApiClient.Reply reply = api().postJson("/api/v1/orders/" + orderId + "/cancel", "{\"reason\":\"fraud check\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("failure").path("code").asText()).isEqualTo("CANCELLED_BY_OPERATOR");
        assertThat(reply.json().path("failure").path("message").asText()).isEqualTo("cancelled by an operator: fraud check");
        CheckoutTestWorker.HELD_CHARGES.of(orderId).open();
        ApiClient.Reply end = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S");
        assertThat(end.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(end.json().path("failure").path("code").asText()).isEqualTo("CANCELLED_BY_OPERATOR");
    }

    @Test
    void answers409WhenDeliveryIsAlreadyBeingScheduled() {
        String orderId = placeHeldAtDelivery();

        ApiClient.Reply reply = api().postJson("/api/v1/orders/" + orderId + "/cancel", "{}");

        assertProblem(reply, 409, "order-not-cancellable");
        assertThat(reply.json().path("detail").asText()).contains("SCHEDULING_DELIVERY");
        assertThat(status(orderId)).isEqualTo("SCHEDULING_DELIVERY");
    }

    @Test
    void answers409ForAnOrderThatHasAlreadyCompleted() {
        String orderId = place(OrderJson.valid("cust-cancel", "tok_visa"));
        assertThat(api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S").json().path("status").asText())
                .isEqualTo("COMPLETED");

        assertProblem(api().postJson("/api/v1/orders/" + orderId + "/cancel", "{}"), 409, "order-not-cancellable");
    }

    @Test
    void answers404WhenCancellingAnUnknownOrder() {
        assertProblem(api().postJson("/api/v1/orders/unknown-" + UUID.randomUUID() + "/cancel", "{}"),
                404, "order-not-found");
    }

    @Test
    void rejectsAnOverlongReason() {
        String orderId = placeHeldAtPayment();

        ApiClient.Reply reply = api().postJson("/api/v1/orders/" + orderId + "/cancel",
                "{\"reason\":\"" + "x".repeat(501) + "\"}");

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).containsExactly("reason");
    }
}
