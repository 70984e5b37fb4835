package io.orderflow.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The gateway configured without a span endpoint, as the embedded platform runs it. */
class GatewayTracingTest extends GatewayIntegrationTest {

    @Autowired
    private OpenTelemetry openTelemetry;

    @Test
    void withoutAZipkinEndpointSpansKeepTheirIdsButRecordNothing() {
        Span span = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
        // The ids still go into log lines and onward in traceparent headers.
        assertThat(span.getSpanContext().isValid()).isTrue();
        assertThat(span.getSpanContext().isSampled()).isFalse();
        assertThat(span.isRecording()).isFalse();
        span.end();
    }
}
