package io.orderflow.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.orderflow.gateway.GatewayApplication;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.OrderJson;
import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Temporal reachable but shedding load: its frontend answers {@code RESOURCE_EXHAUSTED} (a
 * namespace's rate limit, an overloaded cluster). That is the platform being busy, not a bug in the
 * gateway: every order call is a 503 with Retry-After, never a 500.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "orderflow.gateway.temporal.rpc-retry-budget=1s",
                "orderflow.gateway.temporal.retry-after=7s"})
class TemporalOverloadedTest {

    private static final DevIdentityProvider IDENTITY = DevIdentityProvider.start();
    private static final Server OVERLOADED_TEMPORAL = overloadedTemporal();
    /** The 1 s retry budget plus room for a busy build machine. */
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void overloadedTemporalAndIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.temporal.connection.target", () -> "127.0.0.1:" + OVERLOADED_TEMPORAL.getPort());
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> IDENTITY.issuer().toString());
    }

    @AfterAll
    static void stopTemporal() {
        OVERLOADED_TEMPORAL.shutdownNow();
    }

    @Test
    void everyOrderCallIsA503WithRetryAfterWhileTemporalShedsLoad() {
        ApiClient operator = new ApiClient(port, IDENTITY.tokens().accessToken(DevTokens.OPERATOR));
        ApiClient alice = new ApiClient(port, IDENTITY.tokens().accessToken(DevTokens.ALICE));

        Map<String, ApiClient.Reply> replies = Map.of(
                "place", operator.postJson("/api/v1/orders", OrderJson.valid("cust-busy", "tok_visa")),
                "place with a key", operator.postJson("/api/v1/orders", OrderJson.valid("cust-busy", "tok_visa"),
                        "Idempotency-Key", "busy-1"),
                "read", operator.get("/api/v1/orders/busy-2"),
                "wait", operator.get("/api/v1/orders/busy-2?waitForTerminal=PT5S"),
                "cancel", operator.postJson("/api/v1/orders/busy-2/cancel", "{}"),
                "list my orders", alice.get("/api/v1/orders"),
                "open a cart", alice.postJson("/api/v1/carts", ""));

        assertThat(replies).allSatisfy((call, reply) -> {
            assertThat(reply.status()).as(call + ": " + reply.body()).isEqualTo(503);
            assertThat(reply.contentType()).as(call).startsWith("application/problem+json");
            assertThat(reply.json().path("type").asText()).as(call).endsWith("temporal-unavailable");
            assertThat(reply.header("Retry-After")).as(call).isEqualTo("7");
            assertThat(reply.took()).as(call).isLessThan(QUICKLY);
            assertThat(reply.body()).as(call).doesNotContain("\tat ", "Exception", "io.grpc", "RESOURCE_EXHAUSTED");
        });
    }

    /**
     * A Temporal frontend on a free loopback port that answers the client's capability check and
     * refuses every other call as an overloaded cluster does.
     */
    private static Server overloadedTemporal() {
        String systemInfo = WorkflowServiceGrpc.getGetSystemInfoMethod().getFullMethodName();
        ServerInterceptor shedding = new ServerInterceptor() {
            @Override
            public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                    ServerCallHandler<Q, A> next) {
                if (call.getMethodDescriptor().getFullMethodName().equals(systemInfo)) {
                    return next.startCall(call, headers);
                }
                call.close(Status.RESOURCE_EXHAUSTED.withDescription("namespace rate limit exceeded"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
        };
        WorkflowServiceGrpc.WorkflowServiceImplBase frontend = new WorkflowServiceGrpc.WorkflowServiceImplBase() {
            @Override
            public void getSystemInfo(GetSystemInfoRequest request, StreamObserver<GetSystemInfoResponse> answer) {
                answer.onNext(GetSystemInfoResponse.getDefaultInstance());
                answer.onCompleted();
            }
        };
        try {
            return ServerBuilder.forPort(DevIdentityProvider.freePort())
                    .addService(ServerInterceptors.intercept(frontend, shedding))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
