package io.orderflow.tracing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a process sends its spans ({@code orderflow.tracing.*}).
 *
 * @param zipkinEndpoint a Zipkin server's span intake, e.g. {@code http://127.0.0.1:9411/api/v2/spans}
 *     ({@code ORDERFLOW_TRACING_ZIPKIN_ENDPOINT}). Unset (the default): no span is recorded or
 *     exported, but every log line still carries its trace and span id and W3C {@code traceparent}
 *     headers still propagate. Set, the share of traces recorded is Spring's
 *     {@code management.tracing.sampling.probability}.
 */
@ConfigurationProperties("orderflow.tracing")
public record TracingProperties(URI zipkinEndpoint) {
}
