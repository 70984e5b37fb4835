package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of each service of the production Temporal server on its own (history, matching,
 * frontend) and then of one replica of every role, while orders keep arriving through both
 * gateways: orders are delayed, none is lost, none is charged twice, no stock is oversold, and the
 * money in our ledgers and in the simulated provider's books agrees to the cent.
 */
class TemporalClusterCrashTest {

    private static final OrderflowClient FIRST = RealStack.client(RealStack.GATEWAY);
    private static final OrderflowClient SECOND = RealStack.client(RealStack.GATEWAY2);
    private static final int ORDERS = 60;
    private static final int STOCKED = ORDERS + 10;
    /** Each process stays down this long: long enough for callers to see it gone. */
    private static final Duration DOWN = Duration.ofSeconds(3);

    @BeforeAll
    static void productionServerScaledOut() {
        RealStack.assertUp();
        assumeTrue(RealStack.onProductionServer(), "the stack runs the dev server (ORDERFLOW_STACK_TEMPORAL=dev): "
                + "it has no separate Temporal services to kill; TemporalRestartTest covers it");
        RealStack.stack("scale-out");
    }

    @AfterAll
    static void scaleIn() {
        if (RealStack.onProductionServer()) {
            RealStack.stack("scale-in");
        }
    }

    @Test
    void killingEachTemporalServiceAndOneReplicaOfEveryRoleMidLoadLosesNoOrderAndNoCent() throws Exception {
        String sku = "CRASH-CLUSTER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(FIRST.putProduct(sku, "Cluster crash mug", 1990, "EUR", STOCKED).status()).isEqualTo(200);
        AtomicInteger accepted = new AtomicInteger();
        AtomicBoolean chaosOver = new AtomicBoolean();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<String>> placed = new ArrayList<>();
        List<String> killed = new ArrayList<>();
        try {
            for (int i = 0; i < ORDERS; i++) {
                PatientClient patient = new PatientClient(i % 2 == 0 ? FIRST : SECOND);
                // Half the charges take seconds, so kills land while payments are in flight.
                String token = i % 3 == 0 ? "tok_slow" : "tok_visa";
                String key = "crash-cluster-" + UUID.randomUUID();
                placed.add(callers.submit(() -> {
                    String orderId = patient.place(OrderflowClient.order("cust-crash-cluster", sku, 1, token, "GB"), key,
                            Duration.ofMinutes(3));
                    accepted.incrementAndGet();
                    // About one order a second in all until the last kill, so every kill lands mid-load.
                    if (!chaosOver.get()) {
                        Thread.sleep(4_000);
                    }
                    return orderId;
                }));
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= 6);
            for (String part : List.of("temporal-history", "temporal-matching", "temporal-frontend",
                    "stock", "payment", "delivery", "checkout", "gateway")) {
                killAndRestart(part);
                killed.add(part + " at " + accepted.get() + " accepted");
            }
        } finally {
            chaosOver.set(true);
            // Whatever happened above, leave every part running for the tests after this one.
            for (String part : List.of("temporal", "stock", "payment", "delivery", "checkout", "gateway")) {
                RealStack.stack("start", part);
            }
        }

        List<String> orderIds = new ArrayList<>();
        for (Future<String> orderId : placed) {
            orderIds.add(orderId.get(4, TimeUnit.MINUTES));
        }
        callers.shutdown();
        assertThat(orderIds).as("one order per idempotency key").doesNotHaveDuplicates().hasSize(ORDERS);

        PatientClient patient = new PatientClient(FIRST);
        List<JsonNode> views = new ArrayList<>();
        for (String orderId : orderIds) {
            views.add(patient.awaitTerminal(orderId, Duration.ofMinutes(3)));
        }
        assertThat(killed).as("kills done mid-load").hasSize(8);
        assertThat(views).allSatisfy(view -> assertThat(view.path("status").asText()).as("order %s", view).isEqualTo("COMPLETED"));
        Ledgers.assertMoneyAndHoldings(views);
        Ledgers.assertStockConserved(sku, STOCKED);
        assertThat(FIRST.available(sku)).isEqualTo(STOCKED - ORDERS);
    }

    private static void killAndRestart(String part) throws InterruptedException {
        RealStack.stack("kill", part);
        Thread.sleep(DOWN.toMillis());
        RealStack.stack("start", part);
        // Let the load run on the healed cluster for a moment before the next kill.
        Thread.sleep(2_000);
    }
}
