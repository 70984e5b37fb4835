package io.orderflow.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spans leave a process only for the Zipkin endpoint it is given. */
class ZipkinExportTest {

    private final ApplicationContextRunner process = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ZipkinExport.class));

    @Test
    void aConfiguredEndpointGetsTheProcesssSpans() {
        process.withPropertyValues("orderflow.tracing.zipkin-endpoint=http://127.0.0.1:9411/api/v2/spans")
                .run(context -> {
                    assertThat(context).hasSingleBean(SpanExporter.class);
                    assertThat(context.getBean(SpanExporter.class)).isInstanceOf(ZipkinSpanExporter.class);
                    assertThat(context.getBean(TracingProperties.class).zipkinEndpoint())
                            .hasToString("http://127.0.0.1:9411/api/v2/spans");
                });
    }

    @Test
    void withoutAnEndpointNoSpanLeavesTheProcess() {
        process.run(context -> assertThat(context).doesNotHaveBean(SpanExporter.class));
    }

    @Test
    void withoutAnEndpointNoSpanIsRecordedAndWithOneTheConfiguredShareIs() {
        process.run(context -> assertThat(context.getBean(Sampler.class)).isEqualTo(Sampler.alwaysOff()));
        process.withPropertyValues("orderflow.tracing.zipkin-endpoint=http://127.0.0.1:9411/api/v2/spans",
                        "management.tracing.sampling.probability=0.25")
                .run(context -> assertThat(context.getBean(Sampler.class)).isEqualTo(
                        Sampler.parentBased(Sampler.traceIdRatioBased(0.25))));
    }
}
