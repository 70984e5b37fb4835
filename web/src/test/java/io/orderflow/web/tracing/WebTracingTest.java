package io.orderflow.web.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.OpenTelemetry;
import io.orderflow.tracing.testing.RecordingZipkin;
import io.orderflow.web.WebApplication;
import io.orderflow.web.support.FakeGateway;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A page's trace continues into the gateway: the web process, as it runs, passes the W3C trace
 * context of the page's request on to its gateway calls, exports its own spans to the configured
 * Zipkin, and names the trace in its log lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebTracingTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PRODUCTS = "{\"products\":[{\"sku\":\"MUG-RED\",\"name\":\"Red mug\",\"priceCents\":1250,"
            + "\"currency\":\"EUR\",\"available\":7}]}";

    private static final FakeGateway GATEWAY = FakeGateway.start();
    private static final RecordingZipkin ZIPKIN = RecordingZipkin.start();
    private static ConfigurableApplicationContext web;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTheWebProcess() {
        // The issuer is read at the first login only, which these tests never reach.
        web = WebApplication.application().run("--server.port=0", "--management.server.port=0",
                "--orderflow.web.gateway-url=" + GATEWAY.baseUrl(),
                "--spring.security.oauth2.client.provider.orderflow.issuer-uri=http://127.0.0.1:1",
                "--orderflow.tracing.zipkin-endpoint=" + ZIPKIN.endpoint());
    }

    @AfterAll
    static void stop() {
        web.close();
        GATEWAY.close();
        ZIPKIN.close();
    }

    @BeforeEach
    void freshGateway() {
        GATEWAY.reset();
    }

    @Test
    void theProcessHasOneOpenTelemetry() {
        assertThat(web.getBeansOfType(OpenTelemetry.class)).hasSize(1);
    }

    @Test
    void thePagesGatewayCallContinuesThePagesTraceAndBothSpansReachZipkin() throws Exception {
        GATEWAY.answer("GET /api/v1/products", PRODUCTS);

        HttpResponse<String> page = get("/", "00-" + TRACE_ID + "-00f067aa0ba902b7-01");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Red mug");
        assertThat(GATEWAY.requests()).singleElement().satisfies(call ->
                assertThat(call.traceparent()).as("the gateway call's W3C trace context")
                        .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
                        .doesNotContain("00f067aa0ba902b7"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ZIPKIN.trace(TRACE_ID)).extracting(RecordingZipkin.Span::label)
                        .contains("orderflow-web: http get /", "orderflow-web: http get"));
    }

    @Test
    void aLogLineNamesTheTraceOfThePageThatWroteIt(CapturedOutput output) throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        GATEWAY.answer("GET /api/v1/products", 500, "{\"status\":500,\"title\":\"Internal Server Error\"}");

        HttpResponse<String> page = get("/", "00-" + traceId + "-b7ad6b7169203331-01");

        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(output.getOut().lines().filter(line -> line.contains("The gateway failed a page's call")))
                .singleElement().asString().contains(traceId);
    }

    private HttpResponse<String> get(String path, String traceparent) throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) web).getWebServer().getPort();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("traceparent", traceparent).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
