package io.orderflow.gateway.temporal;

import io.orderflow.OrderflowDataConverter;
import io.orderflow.codec.AesGcmPayloadCodec;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.encryption.EncryptionProperties;
import io.temporal.common.converter.DataConverter;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
                .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(budget).build());
    }

    /** Runs the first state query of a new order so the POST can give up on it after a short wait. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService orderQueryExecutor() {
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "order-query");
            thread.setDaemon(true);
            return thread;
        });
    }
}
