package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.ControllableCheckoutWorkflow;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CancelOrderTest extends GatewayIntegrationTest {

    private String placeAndWaitFor(String token, String status) {
        String key = "cancel-" + UUID.randomUUID();
        String orderId = api().postJson("/api/v1/orders", OrderJson.valid("cust-cancel", token), "Idempotency-Key", key)
                .json().path("orderId").asText();
        String seen = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT1S").json().path("status").asText();
        assertThat(seen).isEqualTo(status);
        return orderId;
    }

    @Test
    void acceptsACancelBeforeDeliveryAndTheOrderEndsCancelled() {
        String orderId = placeAndWaitFor(ControllableCheckoutWorkflow.HOLD, "CHARGING_PAYMENT");

        ApiClient.Reply reply = api().postJson("/api/v1/orders/" + orderId + "/cancel", "{\"reason\":\"changed my mind\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("orderId").asText()).isEqualTo(orderId);
        assertThat(reply.json().path("failure").path("code").asText()).isEqualTo("CANCELLED_BY_CUSTOMER");
        assertThat(reply.json().path("failure").path("message").asText()).isEqualTo("changed my mind");
        ApiClient.Reply end = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S");
        assertThat(end.json().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void acceptsACancelWithoutABody() {
        String orderId = placeAndWaitFor(ControllableCheckoutWorkflow.HOLD, "CHARGING_PAYMENT");

        ApiClient.Reply reply = api().post("/api/v1/orders/" + orderId + "/cancel", "application/json", "");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().path("failure").path("message").asText()).isNotBlank();
    }

    @Test
    void answers409WhenDeliveryIsAlreadyBeingScheduled() {
        String orderId = placeAndWaitFor(ControllableCheckoutWorkflow.SHIPPING, "SCHEDULING_DELIVERY");

        ApiClient.Reply reply = api().postJson("/api/v1/orders/" + orderId + "/cancel", "{}");

        assertProblem(reply, 409, "order-not-cancellable");
        assertThat(reply.json().path("detail").asText()).contains("SCHEDULING_DELIVERY");
        assertThat(api().get("/api/v1/orders/" + orderId).json().path("status").asText()).isEqualTo("SCHEDULING_DELIVERY");
    }

    @Test
    void answers409ForAnOrderThatHasAlreadyCompleted() {
        String key = "cancel-done-" + UUID.randomUUID();
        String orderId = api().postJson("/api/v1/orders", OrderJson.valid("cust-cancel", "tok_visa"),
                "Idempotency-Key", key).json().path("orderId").asText();
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
        String orderId = placeAndWaitFor(ControllableCheckoutWorkflow.HOLD, "CHARGING_PAYMENT");

        ApiClient.Reply reply = api().postJson("/api/v1/orders/" + orderId + "/cancel",
                "{\"reason\":\"" + "x".repeat(501) + "\"}");

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).containsExactly("reason");
    }
}
