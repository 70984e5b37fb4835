package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.CheckoutTestWorker;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import io.orderflow.identity.testing.DevTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Operators resolve overdue deliveries and retry failing compensations; nobody else may. */
class OperatorInterventionsTest extends GatewayIntegrationTest {

    @Test
    void anOperatorResolvesAnOverdueDeliveryAsReturnedAndTheOrderIsRefunded() {
        String orderId = placeOverdue();

        ApiClient.Reply reply = api().postJson("/api/v1/orders/" + orderId + "/resolve",
                "{\"outcome\":\"RETURNED\",\"note\":\"back at the warehouse\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        ApiClient.Reply end = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S");
        assertThat(end.json().path("status").asText()).isEqualTo("FAILED");
        assertThat(end.json().path("failure").path("code").asText()).isEqualTo("DELIVERY_RETURNED");
        assertThat(end.json().path("attention").isNull()).isTrue();
        assertThat(CheckoutTestWorker.PAYMENT.netChargedCents(orderId)).isZero();
        assertThat(CheckoutTestWorker.STOCK.wasRestocked(orderId)).isTrue();
    }

    @Test
    void anOverdueOrderShowsWhyItNeedsAttention() {
        String orderId = placeOverdue();

        ApiClient.Reply view = api().get("/api/v1/orders/" + orderId);

        assertThat(view.json().path("status").asText()).isEqualTo("SHIPPING");
        assertThat(view.json().path("attention").path("reason").asText()).isEqualTo("DELIVERY_OVERDUE");
        assertThat(view.json().path("attention").path("step").asText()).isEqualTo("SHIPPING");
        assertThat(view.json().path("attention").path("since").asText()).isNotBlank();
    }

    @Test
    void resolvingAnOrderThatIsNotOverdueIs409() {
        ApiClient.Reply placed = api().postJson("/api/v1/orders", OrderJson.valid("cust-ops", "tok_visa"));
        String orderId = placed.json().path("orderId").asText();
        api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S");

        ApiClient.Reply reply = api().postJson("/api/v1/orders/" + orderId + "/resolve", "{\"outcome\":\"LOST\"}");

        assertProblem(reply, 409, "order-not-awaiting-resolution");
        assertThat(CheckoutTestWorker.PAYMENT.netChargedCents(orderId)).isPositive();
    }

    @Test
    void aResolutionMustNameHowTheDeliveryEnded() {
        String orderId = placeOverdue();

        assertProblem(api().postJson("/api/v1/orders/" + orderId + "/resolve", "{\"outcome\":\"PICKED_UP\"}"),
                400, "malformed-request");
        assertProblem(api().postJson("/api/v1/orders/" + orderId + "/resolve", "{\"note\":\"?\"}"), 400, "validation");
    }

    @Test
    void retryingWhenNoCompensationRunsIs409() {
        ApiClient.Reply placed = api().postJson("/api/v1/orders", OrderJson.valid("cust-ops", "tok_visa"));
        String orderId = placed.json().path("orderId").asText();
        api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S");

        assertProblem(api().post("/api/v1/orders/" + orderId + "/retry-compensation", "application/json", ""),
                409, "no-compensation-running");
    }

    @Test
    void resolveAndRetryOfAnUnknownOrderAre404() {
        String unknown = "unknown-" + UUID.randomUUID();

        assertProblem(api().postJson("/api/v1/orders/" + unknown + "/resolve", "{\"outcome\":\"DELIVERED\"}"),
                404, "order-not-found");
        assertProblem(api().post("/api/v1/orders/" + unknown + "/retry-compensation", "application/json", ""),
                404, "order-not-found");
    }

    @Test
    void aCustomerCannotResolveOrRetryEvenTheirOwnOrder() {
        ApiClient alice = as(DevTokens.ALICE);
        ApiClient.Reply placed = alice.postJson("/api/v1/orders", OrderJson.with(null, "tok_visa",
                order -> OrderJson.address(order).put("line1", "NEVER-ARRIVES 7")));
        String orderId = placed.json().path("orderId").asText();

        assertProblem(alice.postJson("/api/v1/orders/" + orderId + "/resolve", "{\"outcome\":\"DELIVERED\"}"),
                403, "forbidden");
        assertProblem(alice.post("/api/v1/orders/" + orderId + "/retry-compensation", "application/json", ""),
                403, "forbidden");
        assertProblem(anonymous().postJson("/api/v1/orders/" + orderId + "/resolve", "{\"outcome\":\"DELIVERED\"}"),
                401, "unauthorized");
    }

    /** An order whose carrier never reports, past the test worker's short delivery deadline. */
    private String placeOverdue() {
        ApiClient.Reply placed = api().postJson("/api/v1/orders", OrderJson.with("cust-ops", "tok_visa",
                order -> OrderJson.address(order).put("line1", "NEVER-ARRIVES 7")));
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String orderId = placed.json().path("orderId").asText();
        await().atMost(CheckoutTestWorker.DELIVERY_DEADLINE.plusSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> api().get("/api/v1/orders/" + orderId).json().path("attention").path("reason")
                        .asText().equals("DELIVERY_OVERDUE"));
        return orderId;
    }
}
