package io.orderflow.gateway.temporal;

import io.orderflow.OrderflowDataConverter;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.encryption.EncryptionProperties;
import io.opentelemetry.context.Context;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tunes the Temporal starter's client; the connection itself comes from {@code spring.temporal.*}.
 * The gateway registers no workers, so the starter creates a client and nothing that polls.
 */
@Configuration(proxyBeanMethods = false)
public class TemporalClientConfiguration {

    /**
     * The starter uses the bean named {@code mainDataConverter} for its client (and for the test
     * server's client), so payloads the gateway writes are read back by the workers unchanged. They
     * are encrypted with the configured keys: the order's input and the request fingerprint memo
     * reach Temporal as ciphertext.
     */
    @Bean
    DataConverter mainDataConverter(EncryptionProperties encryption) {
        return OrderflowDataConverter.create(new AesGcmPayloadCodec(encryption.keyRing()));
    }

    /**
     * The SDK retries UNAVAILABLE calls for up to a minute by default, and before the first call it
     * fetches the server's capabilities with a retry budget of its own; a client waiting that long
     * for an order is worse off than one told "503, retry after 5 s". Both budgets are bounded here.
     */
    @Bean
    TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> boundedRpcRetries(GatewayProperties properties) {
        Duration budget = properties.temporal().rpcRetryBudget();
        return builder -> builder
                .setSystemInfoTimeout(budget)
                .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(budget).build())
                // A query waits for a checkout worker to answer it; without a worker, not forever.
                .setRpcQueryTimeout(properties.orders().queryTimeout());
    }

    /**
     * Runs the blocking Temporal calls that must not hold a request thread or run on gRPC's own
     * threads: the state query after a wait ends, and cancel Updates (which the caller abandons
     * after their deadline). Bounded in threads and in queue: when it is full the gateway says
     * "retry later" (503) instead of piling up work. Each task runs in the trace context of the
     * request that handed it over, so a cart's checkout Update (and the order workflow it starts)
     * stays in that request's trace instead of beginning a trace of its own.
     */
    private static final int CANCEL_HEADROOM = 100;

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService orderQueryExecutor(GatewayProperties properties) {
        GatewayProperties.Orders orders = properties.orders();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = new ThreadPoolExecutor(orders.queryThreads(), orders.queryThreads(), 60, TimeUnit.SECONDS,
                // Room for the final query of every admitted wait (the wait cap bounds those), plus
                // some cancels; a cancel that finds no room is answered 503 at once.
                new ArrayBlockingQueue<>(orders.maxConcurrentWaits() + CANCEL_HEADROOM),
                runnable -> {
                    Thread thread = new Thread(runnable, "order-query-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        return Context.taskWrapping(pool);
    }
}
