package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.e2e.PagesBrowser;
import io.orderflow.identity.testing.DevTokens;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Closed orders stay readable for ever: orders that ended every way (completed, failed, cancelled
 * by their customer, cancelled by an operator through the API and with the Temporal CLI,
 * terminated) are read after their build is retired, with no checkout worker running at all, from
 * the API, the wait endpoint and the operator console. Each answers 200 with its own final view,
 * read from what its closed workflow keeps; before, every one but the completed ones needed a
 * query that only a worker of the order's build can answer (503 for ever).
 */
class RetiredBuildTest {

    private static final OrderflowClient OPERATOR = RealStack.client();
    private static final OrderflowClient ALICE =
            OPERATOR.as(() -> RealStack.TOKENS.accessToken(DevTokens.ALICE));
    private static final Duration WITHIN = Duration.ofSeconds(90);

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Test
    void ordersThatEndedEveryWayAreReadWithEveryCheckoutWorkerGone() throws Exception {
        String sku = "RETIRED-" + Long.toHexString(System.nanoTime());
        assertThat(OPERATOR.putProduct(sku, "Mug of a retired build", 1250, "EUR", 50).status()).isIn(200, 201);
        Map<String, String> expected = new LinkedHashMap<>();

        String completed = place(ALICE, sku, "tok_visa", "12 Main St");
        expected.put(completed, "COMPLETED/");
        String declined = place(ALICE, sku, "tok_declined", "12 Main St");
        expected.put(declined, "FAILED/PAYMENT_DECLINED");
        String byCustomer = place(ALICE, sku, "tok_slow", "12 Main St");
        awaitStatus(byCustomer, "CHARGING_PAYMENT");
        assertThat(ALICE.cancel(byCustomer, "changed my mind").status()).isEqualTo(202);
        expected.put(byCustomer, "CANCELLED/CANCELLED_BY_CUSTOMER");
        String byOperator = place(ALICE, sku, "tok_slow", "12 Main St");
        awaitStatus(byOperator, "CHARGING_PAYMENT");
        assertThat(OPERATOR.cancel(byOperator, "fraud check").status()).isEqualTo(202);
        expected.put(byOperator, "CANCELLED/CANCELLED_BY_OPERATOR");
        String byCli = place(ALICE, sku, "tok_visa", "NEVER-ARRIVES 3");
        awaitStatus(byCli, "SHIPPING");
        temporal("workflow", "cancel", "--workflow-id", "order-" + byCli);
        expected.put(byCli, "CANCELLED/CANCELLED_BY_OPERATOR");
        String terminated = place(ALICE, sku, "tok_visa", "NEVER-ARRIVES 4");
        awaitStatus(terminated, "SHIPPING");
        temporal("workflow", "terminate", "--workflow-id", "order-" + terminated, "--reason", "stuck, says an operator");
        expected.put(terminated, "SHIPPING/");

        Map<String, JsonNode> before = new LinkedHashMap<>();
        for (String orderId : expected.keySet()) {
            if (!orderId.equals(terminated)) {
                OPERATOR.awaitTerminal(orderId, WITHIN);
            }
            before.put(orderId, awaitClosed(orderId));
        }

        RealStack.stack("stop", "checkout");
        try {
            for (Map.Entry<String, String> order : expected.entrySet()) {
                String orderId = order.getKey();
                OrderflowClient.Response read = OPERATOR.getOrder(orderId);
                assertThat(read.status()).as("GET %s with no checkout worker: %s", orderId, read.body()).isEqualTo(200);
                assertThat(outcome(read.body())).as("order %s", orderId).isEqualTo(order.getValue());
                assertThat(read.body()).as("the same view as before the build was retired").isEqualTo(before.get(orderId));
                // One wait each, answered at once: the order is closed (a terminated one stays as it was).
                OrderflowClient.Response waited = OPERATOR.getOrder(orderId + "?waitForTerminal=PT5S");
                assertThat(waited.status()).as("wait on %s: %s", orderId, waited.body()).isEqualTo(200);
                assertThat(outcome(waited.body())).as("wait on %s", orderId).isEqualTo(order.getValue());
            }
            try (PagesBrowser browser = new PagesBrowser(RealStack.WEB.toString())) {
                browser.logIn("operator", "operator-dev-password");
                for (Map.Entry<String, String> order : expected.entrySet()) {
                    browser.open("/console/orders/" + order.getKey());
                    assertThat(browser.text(By.id("order-status"))).as("console page of %s", order.getKey())
                            .isEqualTo(order.getValue().substring(0, order.getValue().indexOf('/')));
                }
            }
        } finally {
            RealStack.stack("start", "checkout");
        }
    }

    private static String place(OrderflowClient as, String sku, String token, String line1) {
        OrderflowClient.Response placed = as.placeOrder(
                OrderflowClient.shippedTo(OrderflowClient.order(null, sku, 1, token, "GB"), line1), null);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        return placed.text("orderId");
    }

    private static void awaitStatus(String orderId, String status) {
        Awaitility.await(orderId + " " + status).atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> OPERATOR.getOrder(orderId).text("status"), status::equals);
    }

    /** Waits until Temporal reports the execution closed, and returns the gateway's view of it then. */
    private static JsonNode awaitClosed(String orderId) {
        Awaitility.await(orderId + " closed").atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() ->
                !temporal("workflow", "describe", "--workflow-id", "order-" + orderId, "--output", "json")
                        .toLowerCase(java.util.Locale.ROOT).contains("running"));
        return OPERATOR.getOrder(orderId).body();
    }

    private static String outcome(JsonNode view) {
        return view.path("status").asText() + "/" + view.path("failure").path("code").asText("");
    }

    private static String temporal(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(RealStack.temporalCli().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--address", RealStack.TEMPORAL_ADDRESS));
        RealStack.ScriptResult result = RealStack.command(command, Map.of(), Duration.ofSeconds(60));
        assertThat(result.exitCode()).as(result.output()).isZero();
        return result.output();
    }
}
