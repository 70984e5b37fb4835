package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.CarrierSignatures;
import io.orderflow.e2e.OrderLifecycleScenarios;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.e2e.OrderflowClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order-lifecycle scenarios against the real stack, where the simulated carrier is the delivery
 * worker posting to the gateway's webhook across processes, plus the invariants in the service
 * databases after a batch of every outcome.
 */
class RealStackOrderLifecycleTest extends OrderLifecycleScenarios {

    private static final OrderflowClient CLIENT = RealStack.client();
    private static final int STOCKED = 20;

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Override
    protected OrderflowClient client() {
        return CLIENT;
    }

    @Override
    protected String carrierSecret() {
        return RealStack.carrierWebhookSecret();
    }

    @Override
    protected Duration overdueWithin() {
        // scripts/stack.sh gives the checkout worker a 30 s delivery deadline.
        return Duration.ofSeconds(90);
    }

    @Test
    void operatorsFindOverdueOrdersThroughVisibility() {
        String customer = "cust-attention-" + UUID.randomUUID().toString().substring(0, 8);
        Response placed = CLIENT.placeOrder(OrderflowClient.shippedTo(
                OrderflowClient.order(customer, freshSku(5), 1, "tok_visa", "GB"), "NEVER-ARRIVES 9"), null);
        String overdue = placed.text("orderId");
        String delivered = CLIENT.placeOrder(OrderflowClient.order(customer, freshSku(5), 1, "tok_visa", "GB"), null)
                .text("orderId");
        CLIENT.awaitTerminal(delivered, TERMINAL_WITHIN);

        Awaitility.await("the overdue order is listed as needing attention").atMost(overdueWithin())
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> CLIENT.listOrders("customerId=" + customer + "&needsAttention=true").body()
                        .path("orders").findValuesAsText("orderId"), ids -> ids.equals(List.of(overdue)));
        Awaitility.await("the delivered order is listed with the others").atMost(Duration.ofSeconds(30))
                .until(() -> CLIENT.listOrders("customerId=" + customer + "&needsAttention=false").body()
                        .path("orders").findValuesAsText("orderId"), ids -> ids.equals(List.of(delivered)));
        CLIENT.resolve(overdue, "DELIVERED", "signed for at the neighbour's");
        assertThat(CLIENT.awaitTerminal(overdue, TERMINAL_WITHIN).path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void anOperatorCancellingAPickedUpOrdersWorkflowWithTheCliRefundsAtOnceAndRestocksWhenTheParcelComesBack() throws Exception {
        String sku = freshSku(5);
        String orderId = placeShippedTo(sku, "NEVER-ARRIVES 14");
        awaitView(orderId, "picked up and shipping", view -> view.path("status").asText().equals("SHIPPING")
                && view.path("timeline").findValuesAsText("event").contains("PICKED_UP"));

        RealStack.ScriptResult cancelled = RealStack.command(List.of(RealStack.temporalCli().toString(),
                "workflow", "cancel", "--address", RealStack.TEMPORAL_ADDRESS, "--workflow-id", "order-" + orderId),
                Map.of(), Duration.ofSeconds(60));
        assertThat(cancelled.exitCode()).as(cancelled.output()).isZero();

        JsonNode view = CLIENT.awaitTerminal(orderId, TERMINAL_WITHIN);
        assertThat(view.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(view.path("failure").path("code").asText()).isEqualTo("CANCELLED_BY_OPERATOR");
        assertThat(view.path("failure").path("step").asText()).isEqualTo("SHIPPING");
        // The simulated carrier brings a cancelled parcel it had picked up back: only then is it restocked.
        assertThat(view.path("timeline").findValuesAsText("event")).contains("RETURNED");
        Ledgers.assertMoneyAndHoldings(List.of(view));
        assertThat(CLIENT.available(sku)).as("the returned units are back").isEqualTo(5);
    }

    @Test
    void fiftyResendsOfACarrierEventAddNothingToTheOrdersHistory() throws Exception {
        String orderId = placeShippedTo(freshSku(5), "NEVER-ARRIVES 50");
        JsonNode shipping = awaitView(orderId, "picked up", view -> view.path("timeline").findValuesAsText("event")
                .contains("PICKED_UP"));
        int before = historyLength(orderId);

        String resent = event(orderId, shipping.path("trackingNumber").asText(), "PICKED_UP");
        for (int i = 0; i < 50; i++) {
            Response answer = CLIENT.postCarrierEvent(resent, CarrierSignatures.sign(carrierSecret(), resent));
            assertThat(answer.status()).as("resend %d: %s", i, answer.body()).isEqualTo(200);
        }

        assertThat(historyLength(orderId)).as("events in the order's history after 50 resends").isEqualTo(before);
        String delivered = event(orderId, shipping.path("trackingNumber").asText(), "DELIVERED");
        assertThat(CLIENT.postCarrierEvent(delivered, CarrierSignatures.sign(carrierSecret(), delivered)).status())
                .isEqualTo(202);
        assertThat(CLIENT.awaitTerminal(orderId, TERMINAL_WITHIN).path("status").asText()).isEqualTo("COMPLETED");
    }

    private static int historyLength(String orderId) throws Exception {
        RealStack.ScriptResult shown = RealStack.command(List.of(RealStack.temporalCli().toString(),
                "workflow", "show", "--address", RealStack.TEMPORAL_ADDRESS, "--workflow-id", "order-" + orderId,
                "--output", "json"), Map.of(), Duration.ofSeconds(60));
        assertThat(shown.exitCode()).as(shown.output()).isZero();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(shown.output()).path("events").size();
    }

    @Test
    void everyOutcomeLeavesTheBooksConservedLostGoodsGoneAndReturnedGoodsRestocked() throws Exception {
        String sku = freshSku(STOCKED);
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            expected.put(placeShippedTo(sku, "12 Main St"), "COMPLETED/");
            expected.put(placeShippedTo(sku, "LOSE-ME 12"), "FAILED/DELIVERY_LOST");
            expected.put(placeShippedTo(sku, "RETURN-ME 12"), "FAILED/DELIVERY_RETURNED");
        }
        String shipping = placeShippedTo(sku, "NEVER-ARRIVES 12");

        List<JsonNode> views = new ArrayList<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String orderId : expected.keySet()) {
            JsonNode view = CLIENT.awaitTerminal(orderId, TERMINAL_WITHIN);
            views.add(view);
            outcomes.put(orderId, view.path("status").asText() + "/" + view.path("failure").path("code").asText(""));
        }
        views.add(awaitView(shipping, "shipping", view -> view.path("status").asText().equals("SHIPPING")));

        assertThat(outcomes).isEqualTo(expected);
        Ledgers.assertMoneyAndHoldings(views);
        Ledgers.assertStockConserved(sku, STOCKED);
        // 2 units an order: the delivered, the lost and the one still shipping keep theirs.
        assertThat(CLIENT.available(sku)).isEqualTo(STOCKED - 2 * (3 + 3 + 1));

        // Leave nothing running: an order still shipping stays pinned to this build of the checkout
        // worker, which could then never drain (the Worker Versioning rollout test waits for that).
        String delivered = event(shipping, views.get(views.size() - 1).path("trackingNumber").asText(), "DELIVERED");
        assertThat(CLIENT.postCarrierEvent(delivered, CarrierSignatures.sign(carrierSecret(), delivered)).status())
                .isEqualTo(202);
        assertThat(CLIENT.awaitTerminal(shipping, TERMINAL_WITHIN).path("status").asText()).isEqualTo("COMPLETED");
    }
}
