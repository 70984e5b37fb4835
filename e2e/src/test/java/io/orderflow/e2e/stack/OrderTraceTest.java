package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.identity.testing.DevTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One request is one trace in the stack's trace UI (Zipkin), across every process it touched: the
 * client starts the trace with its own W3C {@code traceparent}, and the web pages, the gateway, the
 * checkout worker, the three service workers and the identity provider all continue it. An order
 * placed in the storefront's pages, without a trace of the client's own, is {@link StorefrontTraceTest}.
 */
class OrderTraceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void stackIsUp() {
        RealStack.assertUp();
    }

    @Test
    void anOrderIsOneTraceFromTheGatewayThroughTheWorkflowToEachServicesActivityAndItsDatabase() throws IOException {
        String traceId = Zipkin.newTraceId();
        HttpResponse<String> placed = OrderflowClient.sendRaw(HttpRequest.newBuilder(
                        RealStack.GATEWAY.resolve("/api/v1/orders"))
                .header("Authorization", "Bearer " + RealStack.TOKENS.accessToken(DevTokens.ALICE))
                .header("Content-Type", "application/json")
                .header("traceparent", Zipkin.traceparent(traceId))
                .POST(HttpRequest.BodyPublishers.ofString(
                        OrderflowClient.order("alice", "MUG-RED", 1, "tok_visa", "GB").toString()))
                .build());
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
        String orderId = JSON.readTree(placed.body()).path("orderId").asText();
        new OrderflowClient(RealStack.GATEWAY, () -> RealStack.TOKENS.accessToken(DevTokens.ALICE))
                .awaitTerminal(orderId, Duration.ofSeconds(60));

        // Each process exports its spans in batches every few seconds.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> spans = labels(traceId);
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
        String traceId = getInNewTrace(RealStack.GATEWAY.resolve("/api/v1/products/MUG-RED"));

        awaitSpans(traceId,
                "orderflow-gateway: http get /api/v1/products/{sku}",
                "orderflow-gateway: http get",
                "orderflow-stock: http get /products/{sku}");
    }

    @Test
    void theStorefrontPageIsOneTraceFromTheWebPagesThroughTheGatewayToTheStockService() {
        String traceId = getInNewTrace(RealStack.WEB.resolve("/"));

        awaitSpans(traceId,
                "orderflow-web: http get /",
                "orderflow-web: http get",
                "orderflow-gateway: http get /api/v1/products",
                "orderflow-stock: http get /products");
    }

    @Test
    void aTokenRequestIsASpanOfTheIdentityServiceInTheCallersTrace() {
        String traceId = Zipkin.newTraceId();
        HttpResponse<String> token = OrderflowClient.sendRaw(HttpRequest.newBuilder(RealStack.ISSUER.resolve("/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (DevTokens.ALICE.clientId() + ":" + DevTokens.ALICE.secret()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("traceparent", Zipkin.traceparent(traceId))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=orders:read"))
                .build());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);

        // The token endpoint is a filter of Spring Authorization Server, not a mapped route: its
        // request span is "http post", and the grant is the security span inside it.
        awaitSpans(traceId, "orderflow-identity: http post", "orderflow-identity: authenticate oauth2clientcredentials");
    }

    /** A GET that starts a trace of its own (as a browser's traceparent would); its id. */
    private static String getInNewTrace(URI uri) {
        String traceId = Zipkin.newTraceId();
        HttpResponse<String> response = OrderflowClient.sendRaw(HttpRequest.newBuilder(uri)
                .header("traceparent", Zipkin.traceparent(traceId))
                .GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return traceId;
    }

    /** Spans reach Zipkin when each process next exports its batch. */
    private static void awaitSpans(String traceId, String... labels) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(labels(traceId)).contains(labels));
    }

    private static List<String> labels(String traceId) {
        return Zipkin.trace(traceId).stream().map(Zipkin.Span::label).toList();
    }
}
