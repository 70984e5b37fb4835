package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
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
 * {@code kill -9} of the payment worker while charges are in flight (the simulated provider is
 * slowed down so they are). The orders wait for the activities' start-to-close timeout, the
 * restarted worker takes the retries, and every order ends as its inputs say. "Charged at most
 * once" is checked at the provider, not only in our one-row-per-order table: the simulated
 * provider keeps its own books in durable tables the kill cannot wipe, and {@link Ledgers} compares
 * what it kept per order with charged − refunded in our books.
 */
class PaymentWorkerCrashTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    private static final int STOCKED = 20;

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Test
    void everyOrderEndsAsItsInputsSayAndTheProviderKeptWhatOurBooksSayAfterThePaymentWorkerIsKilledMidCharge() throws Exception {
        String sku = "CRASH-PAY-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Crash mug", 1250, "EUR", STOCKED).status()).isEqualTo(200);
        PatientClient patient = new PatientClient(CLIENT);
        Map<String, String> expected = new LinkedHashMap<>();

        RealStack.stack(Map.of("ORDERFLOW_PAYMENT_SIMULATOR_LATENCY", "4s"), "restart", "payment");
        try {
            for (int i = 0; i < 12; i++) {
                String token = i % 6 == 4 ? "tok_declined" : "tok_visa";
                String country = i % 6 == 5 ? "AQ" : "GB";
                String orderId = patient.place(OrderflowClient.order("cust-crash-pay", sku, 1, token, country),
                        "crash-pay-" + UUID.randomUUID(), Duration.ofSeconds(30));
                expected.put(orderId, switch (i % 6) {
                    case 4 -> "FAILED/PAYMENT_DECLINED";
                    case 5 -> "FAILED/ADDRESS_UNSERVICEABLE";
                    default -> "COMPLETED/";
                });
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> charging(expected.keySet()) >= 6);

            RealStack.stack("kill", "payment");
            assertThat(charging(expected.keySet())).as("orders whose charge was in flight when the worker died").isPositive();
        } finally {
            // Restarted without the injected latency; also leaves the stack whole if the test failed.
            RealStack.stack("start", "payment");
        }

        List<JsonNode> views = new ArrayList<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String orderId : expected.keySet()) {
            JsonNode view = patient.awaitTerminal(orderId, Duration.ofMinutes(3));
            views.add(view);
            outcomes.put(orderId, view.path("status").asText() + "/" + view.path("failure").path("code").asText(""));
        }
        assertThat(outcomes).isEqualTo(expected);
        // Per order: the provider's durable record against our books, besides our own invariants.
        Ledgers.assertMoneyAndHoldings(views);
        Ledgers.assertStockConserved(sku, STOCKED);
        assertThat(CLIENT.available(sku)).as("one unit per completed order").isEqualTo(STOCKED - 8);
    }

    private static long charging(Iterable<String> orderIds) {
        long count = 0;
        for (String orderId : orderIds) {
            if ("CHARGING_PAYMENT".equals(CLIENT.getOrder(orderId).text("status"))) {
                count++;
            }
        }
        return count;
    }
}
