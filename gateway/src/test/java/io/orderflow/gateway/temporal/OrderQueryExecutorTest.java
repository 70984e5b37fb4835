package io.orderflow.gateway.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.orderflow.gateway.GatewayProperties;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The pool that runs the gateway's blocking Temporal calls (a cart's checkout Update among them)
 * runs each in the trace of the request that handed it over, so the Update's span, and the order
 * workflow the cart starts, belong to that request's trace.
 */
class OrderQueryExecutorTest {

    private static final String REQUEST_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aTaskRunsInTheTraceOfTheRequestThatHandedItOver() throws Exception {
        GatewayProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("orderflow.gateway", GatewayProperties.class);
        ExecutorService pool = new TemporalClientConfiguration().orderQueryExecutor(defaults);
        Span request = Span.wrap(SpanContext.create(REQUEST_TRACE, "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault()));
        try {
            CompletableFuture<String> traceOfTask;
            try (Scope inRequest = Context.current().with(request).makeCurrent()) {
                traceOfTask = CompletableFuture.supplyAsync(() -> Span.current().getSpanContext().getTraceId(), pool);
            }
            CompletableFuture<String> traceOfUnrelatedTask =
                    CompletableFuture.supplyAsync(() -> Span.current().getSpanContext().getTraceId(), pool);

            assertThat(traceOfTask.get(10, TimeUnit.SECONDS)).isEqualTo(REQUEST_TRACE);
            assertThat(traceOfUnrelatedTask.get(10, TimeUnit.SECONDS)).as("a task handed over outside any trace")
                    .isNotEqualTo(REQUEST_TRACE);
        } finally {
            pool.shutdownNow();
        }
    }
}
