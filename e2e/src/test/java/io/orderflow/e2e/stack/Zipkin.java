package io.orderflow.e2e.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.e2e.OrderflowClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The stack's Zipkin read through its HTTP API ({@code /api/v2/...}), as the trace UI reads it.
 * Zipkin keeps span and service names in lower case.
 */
final class Zipkin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One span as Zipkin holds it. */
    record Span(String traceId, String id, String parentId, String service, String name) {

        /** {@code "service: span name"}, as the trace UI lists it. */
        String label() {
            return service + ": " + name;
        }

        boolean root() {
            return parentId == null;
        }
    }

    private Zipkin() {
    }

    /** Every span Zipkin holds for the trace (none yet: empty). */
    static List<Span> trace(String traceId) {
        HttpResponse<String> response = get("/api/v2/trace/" + traceId);
        return response.statusCode() == 200 ? spans(read(response.body())) : List.of();
    }

    /** The traces (of the last hour) with a span tagged {@code key=value}, each as its spans. */
    static List<List<Span>> tracesTagged(String key, String value) {
        HttpResponse<String> response = get("/api/v2/traces?limit=100&lookback=3600000&annotationQuery="
                + URLEncoder.encode(key + "=" + value, StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new AssertionError("Zipkin answered " + response.statusCode() + ": " + response.body());
        }
        List<List<Span>> traces = new ArrayList<>();
        read(response.body()).forEach(trace -> traces.add(spans(trace)));
        return traces;
    }

    /** The trace UI's page of one trace. */
    static URI tracePage(String traceId) {
        return URI.create(RealStack.ZIPKIN + "/zipkin/traces/" + traceId);
    }

    /** A W3C {@code traceparent} that starts a new sampled trace with this id under a random parent span. */
    static String traceparent(String traceId) {
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    static String newTraceId() {
        return randomHex(16);
    }

    private static List<Span> spans(JsonNode trace) {
        List<Span> spans = new ArrayList<>();
        for (JsonNode span : trace) {
            spans.add(new Span(span.path("traceId").asText(), span.path("id").asText(),
                    span.hasNonNull("parentId") ? span.path("parentId").asText() : null,
                    span.path("localEndpoint").path("serviceName").asText(), span.path("name").asText()));
        }
        return spans;
    }

    private static HttpResponse<String> get(String path) {
        return OrderflowClient.sendRaw(HttpRequest.newBuilder(URI.create(RealStack.ZIPKIN + path)).GET().build());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
