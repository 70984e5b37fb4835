package io.orderflow.gateway.temporal;

import io.orderflow.gateway.GatewayProperties;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Runs blocking Temporal calls that have no deadline of its own (an Update waits for a worker to
 * accept it) on the bounded query pool, and stops waiting after a deadline: the client gets a 503
 * with Retry-After instead of a request that hangs while no checkout worker is there, and a full
 * pool answers the same at once instead of queueing without bound.
 */
@Component
public class CallsWithDeadline {

    private final ExecutorService pool;
    private final Duration retryAfter;

    CallsWithDeadline(ExecutorService orderQueryExecutor, GatewayProperties properties) {
        this.pool = orderQueryExecutor;
        // Temporal not answering in time is Temporal's 503, told to come back like any other.
        this.retryAfter = properties.temporal().retryAfter();
    }

    public <T> T call(Supplier<T> call, Duration deadline) {
        CompletableFuture<T> result;
        try {
            result = CompletableFuture.supplyAsync(call, pool);
        } catch (RejectedExecutionException saturated) {
            throw new TemporalBusyException("the gateway is at its limit of concurrent order calls", retryAfter);
        }
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException tooSlow) {
            result.cancel(true);
            throw new TemporalBusyException("no checkout worker answered within " + deadline, retryAfter);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the order service", interrupted);
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new CompletionException(failed.getCause());
        }
    }
}
