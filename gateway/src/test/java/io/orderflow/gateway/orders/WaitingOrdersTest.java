package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.CheckoutTestWorker;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Waiting for an order to finish holds no request thread: a thousand clients waiting on one
 * gateway leave its probes and its other endpoints answering promptly, and past the configured
 * cap a further wait is refused at once instead of queueing.
 */
@TestPropertySource(properties = "orderflow.gateway.orders.max-concurrent-waits=1000")
class WaitingOrdersTest extends GatewayIntegrationTest {

    private static final int WAITERS = 1000;
    /**
     * What a probe and a reader may take while a thousand waits are open: well inside a kubelet
     * probe's default one-second timeout (before waits were asynchronous, probes took 40 s).
     */
    private static final Duration PROMPTLY = Duration.ofSeconds(1);

    @Test
    void aThousandWaitsLeaveProbesAndTheCatalogAnsweringAndTheNextWaitIsRefusedAtOnce() throws Exception {
        String orderId = heldOrder();
        ApiClient operator = api();
        List<CompletableFuture<ApiClient.Reply>> waiting = new ArrayList<>();
        for (int i = 0; i < WAITERS; i++) {
            waiting.add(operator.getAsync("/api/v1/orders/" + orderId + "?waitForTerminal=PT50S"));
        }
        ApiClient.Reply refused = awaitRefusal(orderId);

        ApiClient.Reply liveness = management().get("/actuator/health/liveness");
        ApiClient.Reply catalog = anonymous().get("/api/v1/products/MUG-RED");

        assertProblem(refused, 429, "too-many-waits");
        assertThat(refused.header("Retry-After")).isEqualTo("2");
        assertThat(refused.took()).isLessThan(PROMPTLY);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.took()).isLessThan(PROMPTLY);
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.took()).isLessThan(PROMPTLY);
        assertThat(waiting).noneMatch(CompletableFuture::isDone);

        assertThat(api().postJson("/api/v1/orders/" + orderId + "/cancel", "{}").status()).isEqualTo(202);
        CheckoutTestWorker.HELD_CHARGES.of(orderId).open();
        CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertThat(waiting).allSatisfy(reply -> {
            assertThat(reply.join().status()).isEqualTo(200);
            assertThat(reply.join().body()).contains("\"status\":\"CANCELLED\"");
        });
        assertThat(api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT1S").status())
                .as("every wait gave its place back").isEqualTo(200);
    }

    private String heldOrder() {
        ApiClient.Reply placed = api().postJson("/api/v1/orders", OrderJson.valid("cust-wait", CheckoutTestWorker.HOLD));
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        return placed.json().path("orderId").asText();
    }

    /** The 1001st wait, once the gateway reports all thousand admitted (its own gauge says so). */
    private ApiClient.Reply awaitRefusal(String orderId) {
        Pattern admitted = Pattern.compile("(?m)^orderflow_gateway_waits_active(\\{[^}]*\\})? " + WAITERS + "\\.0$");
        await("the gateway holds " + WAITERS + " waits at once").dontCatchUncaughtExceptions()
                .atMost(Duration.ofSeconds(120)) // 1000 connections on 2 busy cores
                .pollInterval(Duration.ofMillis(200))
                .until(() -> admitted.matcher(management().get("/actuator/prometheus").body()).find());
        return api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT1S");
    }
}
