package io.orderflow.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.gateway.GatewayApplication;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.OrderJson;
import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testserver.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Temporal is up but no checkout worker runs (all of them down, or a rollout gone wrong). Placing
 * an order only starts its workflow, so it is still accepted at once; what needs a worker to answer
 * (the state query of a running order, the cancel Update) gets a 503 with Retry-After at its
 * deadline instead of a request that hangs.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "orderflow.gateway.orders.query-timeout=1s",
                "orderflow.gateway.orders.update-timeout=1s",
                "orderflow.gateway.orders.wait-retry-after=3s",
                "orderflow.gateway.temporal.retry-after=7s"})
class NoCheckoutWorkerTest {

    private static final DevIdentityProvider IDENTITY = DevIdentityProvider.start();
    /**
     * A Temporal server the gateway reaches over gRPC as in production (so its client settings
     * apply), keeping real time, with the search attributes a deployment registers, and nothing
     * polling its task queues.
     */
    private static final int TEMPORAL_PORT = DevIdentityProvider.freePort();
    private static final TestServer.PortBoundTestServer TEMPORAL = TestServer.createPortBoundServer(TEMPORAL_PORT, true);
    /** The one-second deadlines plus room for a busy build machine: an answer, nothing like a hang. */
    private static final Duration AT_THE_DEADLINE = Duration.ofSeconds(10);

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void temporalAndIssuer(DynamicPropertyRegistry registry) {
        registerOrderSearchAttributes();
        registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + TEMPORAL_PORT);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> IDENTITY.issuer().toString());
    }

    @AfterAll
    static void stopTemporal() {
        TEMPORAL.close();
    }

    private static void registerOrderSearchAttributes() {
        WorkflowServiceStubs service = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + TEMPORAL_PORT).build());
        OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel()).validateAndBuildWithDefaults());
        try {
            AddSearchAttributesRequest.Builder request = AddSearchAttributesRequest.newBuilder().setNamespace("default");
            OrderSearchAttributes.ALL.forEach(key -> request.putSearchAttributes(key.getName(), key.getValueType()));
            operator.blockingStub().addSearchAttributes(request.build());
        } finally {
            operator.shutdownNow();
            service.shutdownNow();
        }
    }

    private ApiClient api() {
        return new ApiClient(port, IDENTITY.tokens().accessToken(DevTokens.OPERATOR));
    }

    private String placed() {
        ApiClient.Reply placed = api().postJson("/api/v1/orders", OrderJson.valid("cust-alone", "tok_visa"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        return placed.json().path("orderId").asText();
    }

    private static void assertRetryLater(ApiClient.Reply reply, String retryAfter) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).as(reply.body()).endsWith("temporal-unavailable");
        assertThat(reply.header("Retry-After")).isEqualTo(retryAfter);
        assertThat(reply.took()).isLessThan(AT_THE_DEADLINE);
        assertThat(reply.body()).doesNotContain("\tat ", "Exception", "io.grpc");
    }

    @Test
    void anOrderIsAcceptedAsReceivedWithoutAnyWorkerToRunIt() {
        ApiClient.Reply placed = api().postJson("/api/v1/orders", OrderJson.valid("cust-alone", "tok_visa"),
                "Idempotency-Key", "alone-1");

        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        assertThat(placed.json().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(placed.header("Location")).isEqualTo("/api/v1/orders/" + placed.json().path("orderId").asText());
    }

    @Test
    void readingARunningOrderAnswers503WithRetryAfterAtTheQueryDeadline() {
        String orderId = placed();

        assertRetryLater(api().get("/api/v1/orders/" + orderId), "7");
    }

    @Test
    void aWaitThatEndsWithoutAWorkerAnswers503WithRetryAfterAndGivesItsPlaceBack() {
        String orderId = placed();

        assertRetryLater(api().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT1S"), "7");
        assertThat(new ApiClient(managementPort, null).get("/actuator/prometheus").body())
                .containsPattern("(?m)^orderflow_gateway_waits_active(\\{[^}]*\\})? 0\\.0$");
    }

    @Test
    void cancellingAnOrderAnswers503WithRetryAfterAtTheUpdateDeadline() {
        String orderId = placed();

        // Temporal's Retry-After, like every other 503 for Temporal; the 3 s is only for too many waits.
        assertRetryLater(api().postJson("/api/v1/orders/" + orderId + "/cancel", "{}"), "7");
    }
}
