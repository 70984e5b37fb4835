package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A restart of the whole Temporal server (the dev server, or all four services of the production
 * server at once) in the middle of a batch: workers and
 * gateway reconnect on their own, the histories survive, and every order completes.
 */
class TemporalRestartTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    private static final int STOCKED = 20;

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Test
    void everyOrderOfABatchCompletesAcrossARestartOfTheTemporalServer() throws Exception {
        String sku = "RESTART-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Restart tee", 2500, "EUR", STOCKED).status()).isEqualTo(200);
        List<String> orderIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // tok_slow keeps half of the charges in flight (5 s each) while the server goes away.
            String token = i % 2 == 0 ? "tok_slow" : "tok_visa";
            orderIds.add(CLIENT.placeOrder(OrderflowClient.order("cust-restart", sku, 1, token, "GB"), null).text("orderId"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> orderIds.stream().anyMatch(id -> "CHARGING_PAYMENT".equals(CLIENT.getOrder(id).text("status"))));
        long unfinished = orderIds.stream().filter(id -> !OrderflowClient.isTerminal(CLIENT.getOrder(id).text("status"))).count();

        RealStack.stack("restart", "temporal");

        PatientClient patient = new PatientClient(CLIENT);
        List<JsonNode> views = new ArrayList<>();
        for (String orderId : orderIds) {
            views.add(patient.awaitTerminal(orderId, Duration.ofMinutes(3)));
        }
        assertThat(unfinished).as("orders still running when the server went down").isPositive();
        assertThat(views).allSatisfy(view -> assertThat(view.path("status").asText()).as("order %s", view).isEqualTo("COMPLETED"));
        Ledgers.assertMoneyAndHoldings(views);
        Ledgers.assertStockConserved(sku, STOCKED);
        assertThat(CLIENT.available(sku)).isEqualTo(STOCKED - orderIds.size());
    }
}
