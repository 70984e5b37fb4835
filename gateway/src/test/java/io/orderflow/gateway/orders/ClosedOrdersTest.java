package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.CheckoutTestWorker;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A closed order is read from what its closed workflow keeps (the view in its memo), never by a
 * query, however it closed: the SDK closes a cancel-requested execution as CANCELED with no result,
 * and a terminated one runs no more code. Before, both answered with a query to the order's own
 * build (a 503 for ever once that build was retired); the real-stack suite reads them with every
 * checkout worker gone.
 */
class ClosedOrdersTest extends GatewayIntegrationTest {

    @Autowired
    private WorkflowClient client;

    private String placeHeldAtPayment() {
        ApiClient.Reply placed = api().postJson("/api/v1/orders", OrderJson.valid("cust-closed", CheckoutTestWorker.HOLD),
                "Idempotency-Key", "closed-" + UUID.randomUUID());
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String orderId = placed.json().path("orderId").asText();
        CheckoutTestWorker.HELD_CHARGES.of(orderId).awaitArrival();
        return orderId;
    }

    private WorkflowStub execution(String orderId) {
        return client.newUntypedWorkflowStub("order-" + orderId);
    }

    @Test
    void anOrderWhoseExecutionAnOperatorCancelledReadsAsCancelledByTheOperator() {
        ApiClient.Reply placed = api().postJson("/api/v1/orders", OrderJson.valid("cust-closed", CheckoutTestWorker.SLOW));
        String orderId = placed.json().path("orderId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api().get("/api/v1/orders/" + orderId).json().path("status").asText().equals("CHARGING_PAYMENT"));

        // What an operator's cancel in the Web UI or the CLI does, during the slow charge.
        execution(orderId).cancel();
        await().atMost(Duration.ofSeconds(20)).until(() -> execution(orderId).describe().getStatus()
                == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED);

        for (ApiClient.Reply reply : new ApiClient.Reply[] {
                api().get("/api/v1/orders/" + orderId), api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT5S")}) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode view = reply.json();
            assertThat(view.path("status").asText()).isEqualTo("CANCELLED");
            assertThat(view.path("failure").path("code").asText()).isEqualTo("CANCELLED_BY_OPERATOR");
            assertThat(view.path("failure").path("step").asText()).as("no step starts after the cancel")
                    .isEqualTo("CHARGING_PAYMENT");
            assertThat(view.path("totalCents").asLong()).isPositive();
        }
    }

    @Test
    void aTerminatedOrderReadsAsTheLastStatusItReached() {
        String orderId = placeHeldAtPayment();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api().get("/api/v1/orders/" + orderId).json().path("status").asText().equals("CHARGING_PAYMENT"));

        execution(orderId).terminate("stuck, says an operator");
        CheckoutTestWorker.HELD_CHARGES.of(orderId).open();

        ApiClient.Reply read = api().get("/api/v1/orders/" + orderId);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("status").asText()).isEqualTo("CHARGING_PAYMENT");
        assertThat(read.json().path("orderId").asText()).isEqualTo(orderId);
        ApiClient.Reply waited = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT5S");
        assertThat(waited.status()).as(waited.body()).isEqualTo(200);
        assertThat(waited.json().path("status").asText()).isEqualTo("CHARGING_PAYMENT");
    }
}
