package io.orderflow.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.GatewayApplication;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.OrderJson;
import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import java.time.Duration;
import java.util.List;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with nothing behind it: Temporal and the stock service both point at a closed
 * loopback port. Clients get a quick 503 with Retry-After, never a hang or a 500.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "orderflow.gateway.temporal.rpc-retry-budget=1s",
                "orderflow.gateway.temporal.retry-after=7s",
                "orderflow.gateway.catalog.retry-after=9s"})
class DependenciesDownTest {

    private static final int CLOSED_PORT = DevIdentityProvider.freePort();
    /** The 1 s retry budget plus room for a busy build machine: quick, and nothing like a hang. */
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final DevIdentityProvider IDENTITY = DevIdentityProvider.start();

    @LocalServerPort
    private int port;

    @LocalManagementPort
    private int managementPort;

    @DynamicPropertySource
    static void pointAtNothing(DynamicPropertyRegistry registry) {
        registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + CLOSED_PORT);
        registry.add("orderflow.gateway.catalog.base-url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> IDENTITY.issuer().toString());
    }

    private ApiClient api() {
        return new ApiClient(port, IDENTITY.tokens().accessToken(DevTokens.OPERATOR));
    }

    private static void assertUnavailable(ApiClient.Reply reply, String typeSuffix, String retryAfter) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).endsWith(typeSuffix);
        assertThat(reply.header("Retry-After")).isEqualTo(retryAfter);
        assertThat(reply.body()).doesNotContain("\tat ", "Exception", "io.grpc");
    }

    @Test
    void answers503WithRetryAfterWhenTemporalIsUnreachableForANewOrder() {
        ApiClient.Reply reply = api().postJson("/api/v1/orders", OrderJson.valid("cust-42", "tok_visa"),
                "Idempotency-Key", "down-1");

        assertUnavailable(reply, "temporal-unavailable", "7");
        assertThat(reply.took()).isLessThan(QUICKLY);
    }

    @Test
    void answers503WithRetryAfterWhenTemporalIsUnreachableForReadsAndCancels() {
        for (ApiClient.Reply reply : List.of(
                api().get("/api/v1/orders/down-2"),
                api().get("/api/v1/orders/down-2?waitForTerminal=PT2S"),
                api().postJson("/api/v1/orders/down-2/cancel", "{}"),
                api().get("/api/v1/orders?customerId=cust-42"))) {
            assertUnavailable(reply, "temporal-unavailable", "7");
            assertThat(reply.took()).isLessThan(QUICKLY);
        }
    }

    @Test
    void registersNoTemporalWorker(@Autowired ApplicationContext context) {
        assertThat(context.getBeansOfType(WorkerFactory.class)).isEmpty();
        assertThat(context.getBeansOfType(Worker.class)).isEmpty();
        assertThat(context.getBeanNamesForType(WorkflowClient.class)).hasSize(1);
    }

    @Test
    void stillValidatesInputWithoutTemporal() {
        assertThat(api().postJson("/api/v1/orders", "{}").status()).isEqualTo(400);
    }

    @Test
    void answersAFast503WithRetryAfterWhenTheStockServiceIsDown() {
        for (int call = 0; call < 8; call++) {
            ApiClient.Reply reply = api().get("/api/v1/products");
            assertUnavailable(reply, "catalog-unavailable", "9");
            assertThat(reply.took()).isLessThan(Duration.ofSeconds(2));
        }
        // By now the circuit is open: the gateway no longer even tries.
        ApiClient.Reply open = api().get("/api/v1/products/MUG-RED");
        assertUnavailable(open, "catalog-unavailable", "9");
        assertThat(open.json().path("detail").asText()).contains("circuit open");
    }

    @Test
    void reportsLiveWhileDependenciesAreDown() {
        assertThat(new ApiClient(managementPort, null).get("/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");
    }
}
