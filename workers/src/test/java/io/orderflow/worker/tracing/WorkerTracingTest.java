package io.orderflow.worker.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.orderflow.testing.TestEncryption;
import io.orderflow.worker.WorkerApplication;
import io.orderflow.worker.WorkerRole;
import io.orderflow.worker.WorkerRoles;
import io.temporal.client.WorkflowClient;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** A worker joins the order's trace: OpenTelemetry, Temporal's tracing interceptors, export when asked. */
class WorkerTracingTest {

    @Test
    void theTemporalStarterTracesThroughTheProcesssOpenTelemetryAndSpansGoToTheConfiguredZipkin() {
        try (ConfigurableApplicationContext worker = checkoutWorker(
                "--orderflow.tracing.zipkin-endpoint=http://127.0.0.1:1/api/v2/spans")) {
            assertThat(worker.getBeansOfType(OpenTelemetry.class)).hasSize(1);
            assertThat(worker.getBean(WorkflowClient.class).getOptions().getInterceptors())
                    .hasAtLeastOneElementOfType(OpenTracingClientInterceptor.class);
            assertThat(worker.getBeansOfType(SpanExporter.class).values())
                    .hasAtLeastOneElementOfType(ZipkinSpanExporter.class);
        }
    }

    @Test
    void withoutAZipkinEndpointNoSpanLeavesTheProcess() {
        try (ConfigurableApplicationContext worker = checkoutWorker()) {
            assertThat(worker.getBeansOfType(SpanExporter.class)).isEmpty();
            assertThat(worker.getBean(WorkflowClient.class).getOptions().getInterceptors())
                    .hasAtLeastOneElementOfType(OpenTracingClientInterceptor.class);
        }
    }

    @Test
    void withoutAZipkinEndpointSpansKeepTheirIdsButRecordNothing() {
        try (ConfigurableApplicationContext worker = checkoutWorker()) {
            Span span = startSpan(worker);
            // The ids still go into log lines and onward in traceparent headers.
            assertThat(span.getSpanContext().isValid()).isTrue();
            assertThat(span.getSpanContext().isSampled()).isFalse();
            assertThat(span.isRecording()).isFalse();
            span.end();
        }
    }

    @Test
    void withAZipkinEndpointEveryTraceIsRecordedByDefault() {
        try (ConfigurableApplicationContext worker = checkoutWorker(
                "--orderflow.tracing.zipkin-endpoint=http://127.0.0.1:1/api/v2/spans")) {
            Span span = startSpan(worker);
            assertThat(span.getSpanContext().isSampled()).isTrue();
            assertThat(span.isRecording()).isTrue();
            span.end();
        }
    }

    private static Span startSpan(ConfigurableApplicationContext worker) {
        return worker.getBean(OpenTelemetry.class).getTracer("test").spanBuilder("work").startSpan();
    }

    /** Nothing listens on port 1: the worker is built but never polls, which is all these tests need. */
    private static ConfigurableApplicationContext checkoutWorker(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--spring.temporal.connection.target=127.0.0.1:1";
        System.arraycopy(args, 0, all, 2, args.length);
        return WorkerApplication.application(WorkerRoles.of(WorkerRole.CHECKOUT)).run(TestEncryption.springArgs(all));
    }
}
