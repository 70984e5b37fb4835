package io.orderflow.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
 */
@AutoConfiguration
@EnableConfigurationProperties(TracingProperties.class)
public class ZipkinExport {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("orderflow.tracing.zipkin-endpoint")
    SpanExporter zipkinSpanExporter(TracingProperties tracing) {
        return ZipkinSpanExporter.builder().setEndpoint(tracing.zipkinEndpoint().toString()).build();
    }
}
