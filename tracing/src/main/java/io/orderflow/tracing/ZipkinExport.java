package io.orderflow.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Exports the spans of this process to Zipkin when an endpoint is configured. Spring Boot makes
 * the OpenTelemetry SDK (and hands it every {@link SpanExporter} bean); in the gateway and the
 * workers the Temporal starter, finding that {@code OpenTelemetry} bean, adds its tracing
 * interceptors to the client and the workers, so a span started in one process continues in the
 * workflow and in each activity's process.
 *
 * <p>An auto-configuration, so every process that has this module on its class path traces the
 * same way without a line of its own.
 *
 * <p>Without an endpoint nothing is recorded: spans still get trace and span ids (every log line
 * carries them, and {@code traceparent} headers pass them on, marked not sampled), but no span
 * collects attributes and events only to be dropped (measured in docs/benchmarks.md).
 */
// Before Boot's tracing set-up, whose own sampler steps back for the one defined here.
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
// Boot's tracing settings too: the sampler reads its probability, also where Boot's tracing set-up is absent.
@EnableConfigurationProperties({TracingProperties.class,
        org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties.class})
public class ZipkinExport {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("orderflow.tracing.zipkin-endpoint")
    SpanExporter zipkinSpanExporter(TracingProperties tracing) {
        return ZipkinSpanExporter.builder().setEndpoint(tracing.zipkinEndpoint().toString()).build();
    }

    /**
     * Replaces Spring Boot's sampler: with an endpoint, Boot's own choice (the parent's decision,
     * else {@code management.tracing.sampling.probability}); without one, none.
     */
    @Bean
    Sampler exportAwareSampler(TracingProperties tracing,
            org.springframework.boot.micrometer.tracing.autoconfigure.TracingProperties sampling) {
        if (tracing.zipkinEndpoint() == null) {
            return Sampler.alwaysOff();
        }
        return Sampler.parentBased(Sampler.traceIdRatioBased(sampling.getSampling().getProbability()));
    }
}
