package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the delivery worker after it booked parcels and before its simulated carrier
 * reported on them (the carrier's delay is stretched so they are still pending). The promised
 * events are in the carrier's outbox table, which the kill cannot wipe: the restarted worker sends
 * them, and every order still ends COMPLETED.
 */
class DeliveryWorkerCrashTest {

    private static final OrderflowClient CLIENT = RealStack.client();

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Test
    void parcelsBookedBeforeTheDeliveryWorkerWasKilledAreStillReportedDeliveredAfterItsRestart() throws Exception {
        String sku = "CRASH-DLV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Crash mug", 1250, "EUR", 10).status()).isEqualTo(200);
        PatientClient patient = new PatientClient(CLIENT);
        List<String> orders = new ArrayList<>();

        RealStack.stack(Map.of("ORDERFLOW_DELIVERY_CARRIER_EVENTS_DELAY", "60s"), "restart", "delivery");
        try {
            for (int i = 0; i < 3; i++) {
                orders.add(patient.place(OrderflowClient.order("cust-crash-dlv", sku, 1, "tok_visa", "GB"),
                        "crash-dlv-" + UUID.randomUUID(), Duration.ofSeconds(30)));
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> orders.stream().allMatch(id -> "SHIPPING".equals(CLIENT.getOrder(id).text("status"))));
            assertThat(unsentEvents(orders)).as("events promised but not yet sent when the worker dies").isEqualTo(6);

            RealStack.stack("kill", "delivery");
        } finally {
            // Restarted with the default 1 s delay; also leaves the stack whole if the test failed.
            RealStack.stack("start", "delivery");
        }

        List<JsonNode> views = new ArrayList<>();
        for (String orderId : orders) {
            JsonNode view = patient.awaitTerminal(orderId, Duration.ofMinutes(3));
            assertThat(view.path("status").asText()).as("order %s", orderId).isEqualTo("COMPLETED");
            views.add(view);
        }
        assertThat(unsentEvents(orders)).isZero();
        Ledgers.assertMoneyAndHoldings(views);
    }

    /** Events of these orders still waiting in the simulated carrier's outbox. */
    private static int unsentEvents(List<String> orderIds) throws SQLException {
        int unsent = 0;
        try (Connection delivery = RealStack.database("delivery");
                PreparedStatement query = delivery.prepareStatement(
                        "SELECT COUNT(*) FROM sim_carrier_event WHERE idempotency_key = ? AND sent_at IS NULL")) {
            for (String orderId : orderIds) {
                query.setString(1, orderId);
                try (ResultSet count = query.executeQuery()) {
                    count.next();
                    unsent += count.getInt(1);
                }
            }
        }
        return unsent;
    }
}
