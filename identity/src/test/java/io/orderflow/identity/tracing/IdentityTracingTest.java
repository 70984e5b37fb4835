package io.orderflow.identity.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.OpenTelemetry;
import io.orderflow.identity.IdentityApplication;
import io.orderflow.tracing.testing.RecordingZipkin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The identity provider is a service in the traces too: a token request is a span of orderflow-identity. */
class IdentityTracingTest {

    @Test
    void aTokenRequestIsASpanOfTheIdentityServiceInTheCallersTrace() throws Exception {
        String traceId = "5b8efff798038103d269b633813fc60c";
        String callerSpan = "eee19b7ec3c1b174";
        try (RecordingZipkin zipkin = RecordingZipkin.start();
                ConfigurableApplicationContext identity = IdentityApplication.application()
                        .run("--server.port=0", "--orderflow.tracing.zipkin-endpoint=" + zipkin.endpoint())) {
            assertThat(identity.getBeansOfType(OpenTelemetry.class)).hasSize(1);

            HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + identity.getEnvironment().getProperty("local.server.port") + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("customer-alice:alice-dev-secret".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=orders:read"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<RecordingZipkin.Span> trace = zipkin.trace(traceId);
                assertThat(trace).as("the identity provider's spans of the caller's trace; all received: %s", zipkin.spans())
                        .anySatisfy(request -> {
                            assertThat(request.label()).isEqualTo("orderflow-identity: http post");
                            assertThat(request.kind()).isEqualTo("SERVER");
                            assertThat(request.parentId()).as("the caller's span").isEqualTo(callerSpan);
                            assertThat(request.tags()).containsEntry("http.url", "/oauth2/token");
                        })
                        .extracting(RecordingZipkin.Span::label)
                        .contains("orderflow-identity: authenticate oauth2clientcredentials");
            });
        }
    }
}
