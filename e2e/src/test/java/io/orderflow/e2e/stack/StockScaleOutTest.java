package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scaling out, locally: a second stock worker JVM polls the same task queue ("stock") and the two
 * share the reservations, as two replicas of the stock Deployment would. Each worker's own Temporal
 * SDK metrics on {@code /actuator/prometheus} say how many reservations it executed.
 */
class StockScaleOutTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    /** The two stock workers' metrics, on their management ports. */
    private static final URI FIRST = URI.create("http://127.0.0.1:" + RealStack.workerManagementPort("stock")
            + "/actuator/prometheus");
    private static final URI SECOND = URI.create("http://127.0.0.1:" + RealStack.workerManagementPort("stock2")
            + "/actuator/prometheus");
    private static final Pattern RESERVE_COUNT = Pattern.compile(
            "^temporal_activity_execution_latency_seconds_count\\{[^}]*activity_type=\"StockReserve\"[^}]*} ([0-9.eE+]+)$",
            Pattern.MULTILINE);
    private static final int ORDERS = 24;

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Test
    void twoStockWorkersOnOneTaskQueueBothProcessReservations() throws Exception {
        String sku = "SCALE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Scaled mug", 1250, "EUR", ORDERS).status()).isEqualTo(200);
        RealStack.stack("start", "stock2");
        try {
            double firstBefore = reservations(FIRST);
            double secondBefore = reservations(SECOND);

            List<JsonNode> views = placeConcurrently(sku);

            double firstDid = reservations(FIRST) - firstBefore;
            double secondDid = reservations(SECOND) - secondBefore;
            assertThat(views).allSatisfy(view -> assertThat(view.path("status").asText()).isEqualTo("COMPLETED"));
            assertThat(firstDid).as("reservations run by the first stock worker").isPositive();
            assertThat(secondDid).as("reservations run by the second stock worker").isPositive();
            assertThat(firstDid + secondDid).as("all reservations of the batch").isGreaterThanOrEqualTo(ORDERS);
            Ledgers.assertStockConserved(sku, ORDERS);
            assertThat(CLIENT.available(sku)).isZero();
        } finally {
            RealStack.stack("stop", "stock2");
        }
    }

    private static List<JsonNode> placeConcurrently(String sku) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> outcomes = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                outcomes.add(pool.submit(() -> CLIENT.awaitTerminal(
                        CLIENT.placeOrder(OrderflowClient.order("cust-scale", sku, 1, "tok_visa", "GB"), null).text("orderId"),
                        Duration.ofSeconds(90))));
            }
            List<JsonNode> views = new ArrayList<>();
            for (Future<JsonNode> outcome : outcomes) {
                views.add(outcome.get());
            }
            return views;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Sum of the worker's StockReserve executions over all label sets (0 before the first one). */
    private static double reservations(URI prometheus) {
        Matcher matcher = RESERVE_COUNT.matcher(RealStack.httpGet(prometheus));
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }
}
