package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.TaskQueues;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.CheckoutTestWorker;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import io.orderflow.testing.FakeStock;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class GetOrderTest extends GatewayIntegrationTest {

    @Autowired
    private TestWorkflowEnvironment environment;

    private static final long MUG_PRICE_CENTS = FakeStock.CATALOG.get("MUG-RED");

    private String place(String token) {
        String key = "get-" + UUID.randomUUID();
        ApiClient.Reply placed = api().postJson("/api/v1/orders", OrderJson.valid("cust-get", token),
                "Idempotency-Key", key);
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        return placed.json().path("orderId").asText();
    }

    @Test
    void servesTheOrderViewFromTheWorkflowStateQuery() {
        String orderId = place(CheckoutTestWorker.HOLD);
        CheckoutTestWorker.HELD_CHARGES.of(orderId).awaitArrival();

        ApiClient.Reply reply = api().get("/api/v1/orders/" + orderId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().path("status").asText()).isEqualTo("CHARGING_PAYMENT");
        assertThat(reply.json().path("totalCents").asLong()).isEqualTo(2 * MUG_PRICE_CENTS);
        assertThat(reply.json().path("items").get(0).path("unitPriceCents").asLong())
                .isEqualTo(MUG_PRICE_CENTS);
        assertThat(reply.json().path("timeline").get(0).path("status").asText()).isEqualTo("RECEIVED");
        assertThat(reply.json().path("timeline").get(0).path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(reply.json().path("failure").isNull()).isTrue();
    }

    @Test
    void aFinishedOrderStaysReadableWhileNoCheckoutWorkerRuns() {
        String orderId = place("tok_visa");
        assertThat(api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT30S").json().path("status").asText())
                .isEqualTo("COMPLETED");
        // As after its build was retired: orders are pinned to the checkout build they ran on.
        Worker checkout = environment.getWorkerFactory().getWorker(TaskQueues.CHECKOUT);
        checkout.suspendPolling();
        try {
            ApiClient.Reply reply = api().get("/api/v1/orders/" + orderId);

            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            assertThat(reply.json().path("status").asText()).isEqualTo("COMPLETED");
            assertThat(reply.json().path("paymentId").asText()).isEqualTo("pay-" + orderId);
            assertThat(reply.took()).isLessThan(Duration.ofSeconds(5));
        } finally {
            checkout.resumePolling();
        }
    }

    @Test
    void waitForTerminalReturnsAsSoonAsTheOrderCompletes() {
        String orderId = place(CheckoutTestWorker.SLOW);

        ApiClient.Reply reply = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT30S");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(reply.json().path("paymentId").asText()).isEqualTo("pay-" + orderId);
        assertThat(reply.took()).as("the wait ends with the order, not with its 30 s")
                .isLessThan(CheckoutTestWorker.SLOW_CHARGE.plusSeconds(3));
    }

    @Test
    void waitForTerminalGivesTheCurrentViewWhenTheWaitEnds() {
        String orderId = place(CheckoutTestWorker.HOLD);
        CheckoutTestWorker.HELD_CHARGES.of(orderId).awaitArrival();

        ApiClient.Reply reply = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT1S");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("CHARGING_PAYMENT");
        assertThat(reply.took()).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void showsTheFailureOfAFailedOrder() {
        String orderId = place(CheckoutTestWorker.DECLINED);

        ApiClient.Reply reply = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S");

        assertThat(reply.json().path("status").asText()).isEqualTo("FAILED");
        assertThat(reply.json().path("failure").path("code").asText()).isEqualTo("PAYMENT_DECLINED");
        assertThat(reply.json().path("failure").path("step").asText()).isEqualTo("CHARGING_PAYMENT");
    }

    @Test
    void answers404ForAnUnknownOrder() {
        assertProblem(api().get("/api/v1/orders/no-such-order-" + UUID.randomUUID()), 404, "order-not-found");
        assertProblem(api().get("/api/v1/orders/no-such-order?waitForTerminal=PT1S"), 404, "order-not-found");
    }

    @Test
    void answers404ForAnIdThatCouldNeverHaveBeenIssued() {
        assertProblem(api().get("/api/v1/orders/" + "x".repeat(65)), 404, "order-not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT61S", "PT2M", "-PT1S", "10", "soon", "P1D"})
    void rejectsAWaitThatIsNotAnIsoDurationOfAtMostSixtySeconds(String wait) {
        String orderId = place(CheckoutTestWorker.HOLD);

        ApiClient.Reply reply = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=" + wait);

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).containsExactly("waitForTerminal");
    }

    @Test
    void acceptsTheLongestAllowedWait() {
        String orderId = place("tok_visa");

        ApiClient.Reply reply = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT60S");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("COMPLETED");
    }

    /** Longer than a servlet container keeps an asynchronous request open by default (30 s). */
    @Test
    void theLongestAllowedWaitRunsItsFullTimeAndEndsWithTheCurrentView() {
        String orderId = place(CheckoutTestWorker.HOLD);
        CheckoutTestWorker.HELD_CHARGES.of(orderId).awaitArrival();

        ApiClient.Reply reply = api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT60S");
        CheckoutTestWorker.HELD_CHARGES.of(orderId).open();

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("status").asText()).isEqualTo("CHARGING_PAYMENT");
        assertThat(reply.took()).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }
}
