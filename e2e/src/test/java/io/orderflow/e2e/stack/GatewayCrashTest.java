package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the gateway while a batch of orders is being placed. The gateway owns no
 * state, so the restarted one answers for every order; callers that retry with their
 * {@code Idempotency-Key} get their order, never a second one.
 */
class GatewayCrashTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    private static final int BATCH = 20;
    private static final int STOCKED = 30;

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Test
    void restartedGatewayAnswersForEveryOrderOfABatchItWasKilledIn() throws Exception {
        String sku = "CRASH-GW-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Crash cap", 1800, "EUR", STOCKED).status()).isEqualTo(200);
        PatientClient patient = new PatientClient(CLIENT);
        AtomicInteger accepted = new AtomicInteger();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<Future<String>> placed = new ArrayList<>();
        int acceptedBeforeCrash;
        try {
            for (int i = 0; i < BATCH; i++) {
                String key = "crash-gw-" + UUID.randomUUID();
                placed.add(callers.submit(() -> {
                    String orderId = patient.place(OrderflowClient.order("cust-crash-gw", sku, 1, "tok_visa", "GB"), key,
                            Duration.ofMinutes(2));
                    accepted.incrementAndGet();
                    Thread.sleep(150); // a steady trickle, so the crash lands mid-batch
                    return orderId;
                }));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> accepted.get() >= 4);
            RealStack.stack("kill", "gateway");
            acceptedBeforeCrash = accepted.get();
        } finally {
            RealStack.stack("start", "gateway");
        }

        List<String> orderIds = new ArrayList<>();
        for (Future<String> orderId : placed) {
            orderIds.add(orderId.get());
        }
        callers.shutdown();
        assertThat(acceptedBeforeCrash).as("orders accepted before the crash").isLessThan(BATCH);
        assertThat(orderIds).as("one order per idempotency key").doesNotHaveDuplicates().hasSize(BATCH);

        List<JsonNode> views = new ArrayList<>();
        for (String orderId : orderIds) {
            views.add(patient.awaitTerminal(orderId, Duration.ofMinutes(2)));
        }
        assertThat(views).allSatisfy(view -> assertThat(view.path("status").asText()).as("order %s", view).isEqualTo("COMPLETED"));
        Ledgers.assertMoneyAndHoldings(views);
        Ledgers.assertStockConserved(sku, STOCKED);
        assertThat(CLIENT.available(sku)).isEqualTo(STOCKED - BATCH);
    }
}
