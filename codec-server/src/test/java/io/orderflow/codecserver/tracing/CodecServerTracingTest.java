package io.orderflow.codecserver.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.orderflow.codecserver.CodecServerApplication;
import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import io.orderflow.testing.TestEncryption;
import io.orderflow.tracing.testing.RecordingZipkin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The codec server traces like every process: an operator's decode is a span in the caller's trace. */
class CodecServerTracingTest {

    @Test
    void aDecodeRequestIsASpanOfTheCodecServerInTheCallersTrace() throws Exception {
        String traceId = "8a3c60f7d188f8fa79d48a391a778fa6";
        try (DevIdentityProvider identity = DevIdentityProvider.start();
                RecordingZipkin zipkin = RecordingZipkin.start();
                ConfigurableApplicationContext codec = codecServer(identity,
                        "--orderflow.tracing.zipkin-endpoint=" + zipkin.endpoint())) {
            assertThat(codec.getBeansOfType(OpenTelemetry.class)).hasSize(1);

            HttpResponse<String> decoded = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + codec.getEnvironment().getProperty("local.server.port") + "/decode"))
                    .header("Authorization", "Bearer " + identity.tokens().accessToken(DevTokens.OPERATOR))
                    .header("Content-Type", "application/json")
                    .header("X-Namespace", "default")
                    .header("traceparent", "00-" + traceId + "-53995c3f42cd8ad8-01")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"payloads\":[]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(decoded.statusCode()).as(decoded.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(zipkin.trace(traceId)).extracting(RecordingZipkin.Span::label)
                            .contains("orderflow-codec-server: http post /decode"));
        }
    }

    @Test
    void withoutAZipkinEndpointNoSpanLeavesTheProcess() {
        try (DevIdentityProvider identity = DevIdentityProvider.start();
                ConfigurableApplicationContext codec = codecServer(identity)) {
            assertThat(codec.getBeansOfType(OpenTelemetry.class)).hasSize(1);
            assertThat(codec.getBeansOfType(SpanExporter.class)).isEmpty();
        }
    }

    private static ConfigurableApplicationContext codecServer(DevIdentityProvider identity, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + identity.issuer();
        System.arraycopy(args, 0, all, 2, args.length);
        return CodecServerApplication.application().run(TestEncryption.springArgs(all));
    }
}
