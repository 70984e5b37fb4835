package io.orderflow.tracing.testing;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A Zipkin span intake on a loopback port that keeps what a process exports, for tests that a
 * process's spans leave it, with which trace. It speaks the part of Zipkin's API an exporter uses:
 * {@code POST /api/v2/spans} with a JSON list of spans, answered 202.
 */
public final class RecordingZipkin implements AutoCloseable {

    /** One exported span: its trace, the service that made it, its name and tags, as Zipkin would show them. */
    public record Span(String traceId, String parentId, String service, String name, String kind, Map<String, String> tags) {

        /** {@code "service: name"}, the way the trace UI lists a span. */
        public String label() {
            return service + ": " + name;
        }
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private RecordingZipkin(HttpServer server) {
        this.server = server;
    }

    public static RecordingZipkin start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            RecordingZipkin zipkin = new RecordingZipkin(server);
            server.createContext("/api/v2/spans", zipkin::receive);
            server.start();
            return zipkin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value for {@code orderflow.tracing.zipkin-endpoint}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans";
    }

    /** Every span received so far (for a failing test's message). */
    public List<Span> spans() {
        return List.copyOf(spans);
    }

    /** The spans received so far for one trace (32 hex digits). */
    public List<Span> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        // The exporter compresses its batches, as a real Zipkin server accepts them.
        InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
        String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        List<Map<String, Object>> received = JsonPath.read(body, "$[*]");
        for (Map<String, Object> span : received) {
            Object endpoint = span.get("localEndpoint");
            String service = endpoint instanceof Map<?, ?> local ? String.valueOf(local.get("serviceName")) : "";
            Map<String, String> tags = new HashMap<>();
            if (span.get("tags") instanceof Map<?, ?> given) {
                given.forEach((key, value) -> tags.put(String.valueOf(key), String.valueOf(value)));
            }
            spans.add(new Span(String.valueOf(span.get("traceId")), (String) span.get("parentId"), service,
                    String.valueOf(span.get("name")), (String) span.get("kind"), Map.copyOf(tags)));
        }
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
