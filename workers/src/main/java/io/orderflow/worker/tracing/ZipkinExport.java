package io.orderflow.worker.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Exports the spans of this process to Zipkin when an endpoint is configured. Spring Boot makes
 * the OpenTelemetry SDK (and hands it every {@link SpanExporter} bean); the Temporal starter,
 * finding that {@code OpenTelemetry} bean, adds its tracing interceptors to the client and the
 * workers, so a span started here continues in the workflow and in each activity's process.
 */
@Configuration(proxyBeanMethods = false)
public class ZipkinExport {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("orderflow.tracing.zipkin-endpoint")
    SpanExporter zipkinSpanExporter(TracingProperties tracing) {
        return ZipkinSpanExporter.builder().setEndpoint(tracing.zipkinEndpoint().toString()).build();
    }
}
