package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateways and two replicas of every worker role side by side ({@code stack.sh scale-out}):
 * the gateways share no state but Temporal's, so an order placed through one is read, awaited and
 * cancelled through the other, a page of a list continues on either, and every replica takes its
 * share of the work from its task queue.
 */
class ScaleOutTest {

    private static final OrderflowClient FIRST = RealStack.client(RealStack.GATEWAY);
    private static final OrderflowClient SECOND = RealStack.client(RealStack.GATEWAY2);
    private static final Pattern ACTIVITIES = Pattern.compile(
            "^temporal_activity_execution_latency_seconds_count\\{[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);
    private static final Pattern WORKFLOW_TASKS = Pattern.compile(
            "^temporal_workflow_task_execution_latency_seconds_count\\{[^}]*} ([0-9.eE+]+)$", Pattern.MULTILINE);

    @BeforeAll
    static void scaleOut() {
        RealStack.assertUp();
        RealStack.stack("scale-out");
    }

    @AfterAll
    static void scaleIn() {
        RealStack.stack("scale-in");
    }

    @Test
    void anOrderPlacedOnOneGatewayIsAwaitedOnTheOtherAndItsCarrierEventsArriveThroughEither() {
        String sku = FIRST.ownProduct("SCALE-GW", "Two-gateway mug");
        String orderId = FIRST.placeOrder(OrderflowClient.order("cust-scale-gw", sku, 1, "tok_visa", "GB"), null)
                .text("orderId");

        JsonNode onSecond = SECOND.awaitTerminal(orderId, Duration.ofSeconds(90));

        assertThat(onSecond.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(FIRST.getOrder(orderId).body()).as("the same view on both gateways").isEqualTo(onSecond);
    }

    @Test
    void anOrderPlacedOnTheSecondGatewayIsCancelledOnTheFirst() {
        String sku = FIRST.ownProduct("SCALE-CANCEL", "Cancelled on the other gateway");
        // tok_slow holds the charge for seconds: time enough to cancel before it is shipped.
        String orderId = SECOND.placeOrder(OrderflowClient.order("cust-scale-gw", sku, 1, "tok_slow", "GB"), null)
                .text("orderId");

        assertThat(FIRST.cancel(orderId, "changed my mind").status()).isEqualTo(202);

        JsonNode view = SECOND.awaitTerminal(orderId, Duration.ofSeconds(90));
        assertThat(view.path("status").asText()).isEqualTo("CANCELLED");
        // The operator cancels the customer's order, and the order says so.
        assertThat(view.path("failure").path("code").asText()).isEqualTo("CANCELLED_BY_OPERATOR");
    }

    @Test
    void aPageOfMyOrdersFromOneGatewayContinuesOnTheOther() {
        String customer = "cust-pages-" + UUID.randomUUID().toString().substring(0, 8);
        String sku = FIRST.ownProduct("SCALE-PAGE", "Paged mug");
        Set<String> placed = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            placed.add(FIRST.placeOrder(OrderflowClient.order(customer, sku, 1, "tok_visa", "GB"), null).text("orderId"));
        }
        String query = "customerId=" + customer + "&pageSize=2";
        // Visibility is eventually consistent: wait until the list holds all three.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> FIRST.listOrders("customerId=" + customer + "&pageSize=10").body().path("orders").size() == 3);

        JsonNode firstPage = FIRST.listOrders(query).body();
        String token = firstPage.path("nextPageToken").asText();
        OrderflowClient.Response secondPage = SECOND.listOrders(query + "&pageToken=" + token);

        assertThat(secondPage.status()).as("the second gateway honours the first one's page token: %s", secondPage.body())
                .isEqualTo(200);
        Set<String> listed = new HashSet<>();
        firstPage.path("orders").forEach(order -> listed.add(order.path("orderId").asText()));
        secondPage.body().path("orders").forEach(order -> listed.add(order.path("orderId").asText()));
        assertThat(listed).isEqualTo(placed);
    }

    @Test
    void everyReplicaOfEveryWorkerRoleTakesWorkFromItsQueue() throws Exception {
        Map<String, Pattern> replicas = Map.of("stock", ACTIVITIES, "stock2", ACTIVITIES, "payment", ACTIVITIES,
                "payment2", ACTIVITIES, "delivery", ACTIVITIES, "delivery2", ACTIVITIES, "checkout", WORKFLOW_TASKS,
                "checkout2", WORKFLOW_TASKS);
        Map<String, Double> before = new HashMap<>();
        replicas.forEach((part, pattern) -> before.put(part, count(part, pattern)));
        int orders = 24;
        String sku = "SCALE-ALL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(FIRST.putProduct(sku, "Everyone's mug", 1250, "EUR", orders).status()).isEqualTo(200);

        List<JsonNode> views = placeOnBothGateways(sku, orders);

        assertThat(views).allSatisfy(view -> assertThat(view.path("status").asText()).isEqualTo("COMPLETED"));
        replicas.forEach((part, pattern) -> assertThat(count(part, pattern) - before.get(part))
                .as("work done by %s", part).isPositive());
        Ledgers.assertMoneyAndHoldings(views);
        Ledgers.assertStockConserved(sku, orders);
    }

    private static List<JsonNode> placeOnBothGateways(String sku, int orders) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> outcomes = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                OrderflowClient placeOn = i % 2 == 0 ? FIRST : SECOND;
                OrderflowClient readOn = i % 2 == 0 ? SECOND : FIRST;
                outcomes.add(pool.submit(() -> readOn.awaitTerminal(
                        placeOn.placeOrder(OrderflowClient.order("cust-scale-all", sku, 1, "tok_visa", "GB"), null)
                                .text("orderId"), Duration.ofSeconds(120))));
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

    /** A counter summed over its label sets on the part's metrics endpoint (0 before the first). */
    private static double count(String part, Pattern metric) {
        URI prometheus = URI.create("http://127.0.0.1:" + RealStack.workerManagementPort(part) + "/actuator/prometheus");
        Matcher matcher = metric.matcher(RealStack.httpGet(prometheus));
        double total = 0;
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }
}
