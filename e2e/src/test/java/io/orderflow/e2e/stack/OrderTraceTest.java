package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.identity.testing.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One order is one trace in the stack's trace UI (Zipkin), across every process it touched: the
 * client starts the trace with its own W3C {@code traceparent}, and the gateway, the checkout worker
 * and the three service workers all continue it.
 */
class OrderTraceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Test
    void anOrderIsOneTraceFromTheGatewayThroughTheWorkflowToEachServicesActivityAndItsDatabase() throws IOException {
        String traceId = randomHex(16);
        HttpResponse<String> placed = OrderflowClient.sendRaw(HttpRequest.newBuilder(
                        RealStack.GATEWAY.resolve("/api/v1/orders"))
                .header("Authorization", "Bearer " + RealStack.TOKENS.accessToken(DevTokens.ALICE))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(
                        OrderflowClient.order("alice", "MUG-RED", 1, "tok_visa", "GB").toString()))
                .build());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String orderId = JSON.readTree(placed.body()).path("orderId").asText();
        new OrderflowClient(RealStack.GATEWAY, () -> RealStack.TOKENS.accessToken(DevTokens.ALICE))
                .awaitTerminal(orderId, Duration.ofSeconds(60));

        // Each process exports its spans in batches every few seconds.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> spans = spans(traceId);
            assertThat(spans).contains(
                    "orderflow-gateway: http post /api/v1/orders",
                    "orderflow-gateway: startworkflow:checkout",
                    "orderflow-checkout: runworkflow:checkout",
                    "orderflow-checkout: startactivity:stockreserve",
                    "orderflow-stock: runactivity:stockreserve",
                    "orderflow-payment: runactivity:paymentcharge",
                    "orderflow-delivery: runactivity:deliveryschedule");
            assertThat(spans).as("the stock service's SQL, inside its activity").contains("orderflow-stock: query");
        });
    }

    @Test
    void aCatalogReadIsOneTraceThroughTheGatewaysProxyToTheStockService() {
        String traceId = randomHex(16);
        HttpResponse<String> read = OrderflowClient.sendRaw(HttpRequest.newBuilder(
                        RealStack.GATEWAY.resolve("/api/v1/products/MUG-RED"))
                .header("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01")
                .GET().build());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(spans(traceId)).contains(
                        "orderflow-gateway: http get /api/v1/products/{sku}",
                        "orderflow-gateway: http get",
                        "orderflow-stock: http get /products/{sku}"));
    }

    /** "service: span name" of every span Zipkin holds for the trace (none yet: empty). */
    private static List<String> spans(String traceId) throws IOException {
        HttpResponse<String> response = OrderflowClient.sendRaw(HttpRequest.newBuilder(
                URI.create(RealStack.ZIPKIN + "/api/v2/trace/" + traceId)).GET().build());
        List<String> spans = new ArrayList<>();
        if (response.statusCode() == 200) {
            for (JsonNode span : JSON.readTree(response.body())) {
                spans.add(span.path("localEndpoint").path("serviceName").asText() + ": " + span.path("name").asText());
            }
        }
        return spans;
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
