package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.e2e.OrderflowClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * KEDA's own Temporal scaler (deploy/tests/keda-check.sh) reads the queues the rendered
 * ScaledObjects name, on the stack's server: while every replica of a role is stopped, orders leave
 * tasks on that role's queue and exactly that role's ScaledObject is active; once the role is back
 * and the orders have ended, none is. A queue name, queue type or deployment version in the
 * manifests that the workers do not poll would never show the backlog.
 */
class KedaScalerTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    /** The first run builds KEDA's scaler with Go (minutes); later runs find it cached. */
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(20);
    private static final Duration ORDER_WAIT = Duration.ofMinutes(3);

    @BeforeAll
    static void stackIsUpAndDrained() {
        RealStack.assertUp();
        assertThat(kedaCheck("--expect", "none", "--within", "120").exitCode())
                .as("KEDA sees no backlog on a drained stack").isZero();
    }

    @Test
    void kedaSeesTheStockQueuesBacklogWhileNoStockWorkerPolls() {
        backlogWhileStopped("stock-worker", "stock", "stock2");
    }

    @Test
    void kedaSeesThePaymentQueuesBacklogWhileNoPaymentWorkerPolls() {
        backlogWhileStopped("payment-worker", "payment", "payment2");
    }

    @Test
    void kedaSeesTheDeliveryQueuesBacklogWhileNoDeliveryWorkerPolls() {
        backlogWhileStopped("delivery-worker", "delivery", "delivery2");
    }

    @Test
    void kedaSeesTheCurrentCheckoutVersionsBacklogWhileNoCheckoutWorkerPolls() {
        backlogWhileStopped("checkout-worker-" + RealStack.checkoutBuildId(), "checkout", "checkout2", "checkout-next");
    }

    private static void backlogWhileStopped(String scaledObject, String... parts) {
        String sku = "KEDA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Scaled mug", 1250, "EUR", 10).status()).isEqualTo(200);
        List<String> stopped = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        try {
            for (String part : parts) {
                if (Files.isRegularFile(RealStack.runDirectory().resolve(part + ".pid"))) {
                    RealStack.stack("stop", part);
                    stopped.add(part);
                }
            }
            assertThat(stopped).as("replicas of %s that were running", scaledObject).isNotEmpty();
            for (int i = 0; i < 2; i++) {
                OrderflowClient.Response placed = CLIENT.placeOrder(
                        OrderflowClient.order("cust-keda", sku, 1, "tok_visa", "GB"), null);
                assertThat(placed.status()).as("POST order: %s", placed.body()).isEqualTo(202);
                orders.add(placed.text("orderId"));
            }
            RealStack.ScriptResult backlog = kedaCheck("--expect", "backlog=" + scaledObject, "--within", "90");
            assertThat(backlog.exitCode()).as("KEDA reports a backlog on exactly %s:\n%s", scaledObject, backlog.output())
                    .isZero();
        } finally {
            for (String part : stopped) {
                RealStack.stack("start", part);
            }
        }
        for (String order : orders) {
            assertThat(CLIENT.awaitTerminal(order, ORDER_WAIT).path("status").asText()).as(order).isEqualTo("COMPLETED");
        }
        RealStack.ScriptResult drained = kedaCheck("--expect", "none", "--within", "90");
        assertThat(drained.exitCode()).as("no backlog once %s is back:\n%s", scaledObject, drained.output()).isZero();
    }

    private static RealStack.ScriptResult kedaCheck(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "deploy/tests/keda-check.sh",
                "--address", RealStack.TEMPORAL_ADDRESS));
        command.addAll(List.of(args));
        return RealStack.command(command, Map.of(), CHECK_TIMEOUT);
    }
}
