package io.orderflow.web.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the gateway's REST API on a loopback port: each test says what an operation
 * answers ({@code "GET /api/v1/orders/o-1"} → status and JSON), and reads back what the pages sent,
 * with which bearer token. Anything not stubbed is a 404 problem, like the real gateway's.
 */
public final class FakeGateway implements AutoCloseable {

    /** One request the pages made (with the W3C trace context and the If-Match it carried, if any). */
    public record Request(String method, String pathAndQuery, String authorization, String traceparent, String ifMatch,
            String body) {

        public String line() {
            return method + " " + pathAndQuery;
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeGateway(HttpServer server) {
        this.server = server;
    }

    public static FakeGateway start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeGateway fake = new FakeGateway(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code "GET /api/v1/products"} (path and query, exactly as sent) answers 200 with this JSON. */
    public FakeGateway answer(String request, String json) {
        return answer(request, 200, json);
    }

    public FakeGateway answer(String request, int status, String json) {
        answers.put(request, new Answer(status, status >= 400 ? "application/problem+json" : "application/json", json));
        return this;
    }

    /** A problem answer with a stable type name, as the gateway words them. */
    public FakeGateway problem(String request, int status, String type, String detail) {
        return answer(request, status, "{\"type\":\"https://orderflow.io/problems/" + type + "\",\"title\":\"" + type
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
    }

    public List<Request> requests() {
        return requests;
    }

    public void reset() {
        answers.clear();
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), target,
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("traceparent"),
                exchange.getRequestHeaders().getFirst("If-Match"), body);
        requests.add(request);
        Answer answer = answers.getOrDefault(request.line(), new Answer(404, "application/problem+json",
                "{\"type\":\"https://orderflow.io/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"Not stubbed: " + request.line() + "\"}"));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
