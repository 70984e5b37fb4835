package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.CheckoutTestWorker;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import io.orderflow.checkout.OrderSearchAttributes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

class PlaceOrderTest extends GatewayIntegrationTest {

    @Test
    void acceptsAValidOrderWith202LocationAndTheOrderView() {
        String key = "order-" + UUID.randomUUID();

        ApiClient.Reply reply = api().postJson("/api/v1/orders", OrderJson.valid("cust-42", "tok_visa"),
                "Idempotency-Key", key);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String orderId = reply.json().path("orderId").asText();
        assertThat(UUID.fromString(orderId)).as("the key is scoped to the caller, not the order id itself").isNotNull();
        assertThat(reply.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
        assertThat(reply.json().path("customerId").asText()).isEqualTo("cust-42");
        assertThat(reply.json().path("status").asText()).isNotBlank();
        assertThat(reply.json().path("items").get(0).path("sku").asText()).isEqualTo("MUG-RED");
        assertThat(reply.json().path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void startsTheCheckoutWorkflowWithFingerprintMemoAndSearchAttributes(@Autowired WorkflowClient client) {
        String key = "memo-" + UUID.randomUUID();
        String orderId = api().postJson("/api/v1/orders", OrderJson.valid("cust-memo", CheckoutTestWorker.HOLD), "Idempotency-Key", key)
                .json().path("orderId").asText();

        WorkflowExecutionDescription workflow = client.newUntypedWorkflowStub("order-" + orderId).describe();

        assertThat(workflow.getWorkflowType()).isEqualTo("Checkout");
        assertThat(workflow.getTaskQueue()).isEqualTo("checkout");
        assertThat((String) workflow.getMemo("requestFingerprint", String.class)).matches("[0-9a-f]{64}");
        assertThat(workflow.getTypedSearchAttributes().get(OrderSearchAttributes.CUSTOMER_ID)).isEqualTo("cust-memo");
        assertThat(workflow.getTypedSearchAttributes().get(OrderSearchAttributes.ORDER_STATUS)).isNotBlank();
    }

    @Test
    void mintsAnOrderIdWhenNoIdempotencyKeyIsGiven() {
        ApiClient.Reply first = api().postJson("/api/v1/orders", OrderJson.valid("cust-1", "tok_visa"));
        ApiClient.Reply second = api().postJson("/api/v1/orders", OrderJson.valid("cust-1", "tok_visa"));

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(second.status()).as(second.body()).isEqualTo(202);
        String firstId = first.json().path("orderId").asText();
        assertThat(UUID.fromString(firstId)).isNotNull();
        assertThat(second.json().path("orderId").asText()).isNotEqualTo(firstId);
        assertThat(first.header("Location")).isEqualTo("/api/v1/orders/" + firstId);
    }

    @Test
    void returnsTheSameOrderWhenTheSameKeyAndBodyAreSentAgain() {
        String key = "retry-" + UUID.randomUUID();
        String body = OrderJson.valid("cust-7", "tok_visa");

        ApiClient.Reply first = api().postJson("/api/v1/orders", body, "Idempotency-Key", key);
        ApiClient.Reply again = api().postJson("/api/v1/orders", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        String orderId = first.json().path("orderId").asText();
        assertThat(again.json().path("orderId").asText()).isEqualTo(orderId);
        assertThat(again.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
    }

    @Test
    void treatsTheSameBodyWithReorderedPropertiesAsTheSameRequest() {
        String key = "reordered-" + UUID.randomUUID();
        String orderId = api().postJson("/api/v1/orders", OrderJson.valid("cust-8", "tok_visa"), "Idempotency-Key", key)
                .json().path("orderId").asText();

        String reordered = "{\"shippingAddress\":{\"country\":\"GB\",\"postalCode\":\"N1 9GU\",\"city\":\"London\","
                + "\"line1\":\"12 Main St\",\"name\":\"Ada Lovelace\"},\"payment\":{\"token\":\"tok_visa\"},"
                + "\"items\":[{\"quantity\":2,\"sku\":\"MUG-RED\"}],\"customerId\":\"cust-8\"}";
        ApiClient.Reply again = api().postJson("/api/v1/orders", reordered, "Idempotency-Key", key);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("orderId").asText()).isEqualTo(orderId);
    }

    @Test
    void rejectsTheSameKeyWithADifferentBodyAs422() {
        String key = "reused-" + UUID.randomUUID();
        String orderId = api().postJson("/api/v1/orders", OrderJson.valid("cust-9", "tok_visa"), "Idempotency-Key", key)
                .json().path("orderId").asText();

        ApiClient.Reply reused = api().postJson("/api/v1/orders", OrderJson.valid("cust-other", "tok_visa"),
                "Idempotency-Key", key);

        assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(api().get("/api/v1/orders/" + orderId).json().path("customerId").asText()).isEqualTo("cust-9");
    }

    @Test
    void replaysAFinishedOrderWithTheSameKeyInsteadOfStartingASecondOne() {
        String key = "finished-" + UUID.randomUUID();
        String body = OrderJson.valid("cust-10", "tok_visa");
        String orderId = api().postJson("/api/v1/orders", body, "Idempotency-Key", key).json().path("orderId").asText();
        assertThat(api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S").json().path("status").asText())
                .isEqualTo("COMPLETED");

        ApiClient.Reply again = api().postJson("/api/v1/orders", body, "Idempotency-Key", key);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(again.json().path("trackingNumber").asText()).isEqualTo("TRK-" + orderId);
    }
}
