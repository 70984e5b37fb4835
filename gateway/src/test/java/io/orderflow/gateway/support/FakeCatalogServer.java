package io.orderflow.gateway.support;

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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny stand-in for the stock service's catalog API on a loopback port: it knows MUG-RED,
 * TEA-GREEN and any {@code BULK-…} SKU,
 * answers 404 problems for other SKUs, rejects a PUT named "REJECT" with a 400 problem, and
 * answers FLAKY-1 with one 503 before it succeeds (to prove the gateway retries idempotent calls).
 */
public final class FakeCatalogServer {

    private static final String MUG = "{\"sku\":\"MUG-RED\",\"name\":\"Red mug\",\"priceCents\":1250,"
            + "\"currency\":\"EUR\",\"available\":7}";
    private static final String TEA = "{\"sku\":\"TEA-GREEN\",\"name\":\"Green tea\",\"priceCents\":450,"
            + "\"currency\":\"EUR\",\"available\":30}";
    /** Any SKU of this prefix exists (at 1.00 EUR), for carts that need many products. */
    public static final String BULK_PREFIX = "BULK-";

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> writeTokens = new CopyOnWriteArrayList<>();

    private FakeCatalogServer(HttpServer server) {
        this.server = server;
    }

    public static FakeCatalogServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeCatalogServer fake = new FakeCatalogServer(server);
            server.createContext("/products", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests seen, as {@code METHOD path body}. */
    public List<String> requests() {
        return requests;
    }

    /** The bearer tokens that came with catalog writes, in order. */
    public List<String> writeTokens() {
        return writeTokens;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(method + " " + path + " " + body);
        int hit = hits.computeIfAbsent(method + path, key -> new AtomicInteger()).incrementAndGet();
        if (path.equals("/products") && method.equals("GET")) {
            reply(exchange, 200, "application/json", "{\"products\":[" + MUG + "," + TEA + "]}");
        } else if (path.equals("/products/MUG-RED") && method.equals("GET")) {
            reply(exchange, 200, "application/json", MUG);
        } else if (path.equals("/products/TEA-GREEN") && method.equals("GET")) {
            reply(exchange, 200, "application/json", TEA);
        } else if (path.startsWith("/products/" + BULK_PREFIX) && method.equals("GET")) {
            String sku = path.substring("/products/".length());
            reply(exchange, 200, "application/json", "{\"sku\":\"" + sku + "\",\"name\":\"Bulk " + sku
                    + "\",\"priceCents\":100,\"currency\":\"EUR\",\"available\":1000}");
        } else if (path.equals("/products/FLAKY-1") && method.equals("GET")) {
            if (hit == 1) {
                reply(exchange, 503, "text/plain", "warming up");
            } else {
                reply(exchange, 200, "application/json", MUG.replace("MUG-RED", "FLAKY-1"));
            }
        } else if (path.startsWith("/products/") && method.equals("PUT")) {
            String sku = path.substring("/products/".length());
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            // Like the stock service: catalog writes need the caller's bearer token.
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                reply(exchange, 401, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
                        + "\"status\":401,\"detail\":\"bearer token required\"}");
                return;
            }
            writeTokens.add(authorization.substring("Bearer ".length()));
            if (body.contains("\"REJECT\"")) {
                reply(exchange, 400, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Bad Request\","
                        + "\"status\":400,\"detail\":\"name is reserved\",\"errors\":[{\"field\":\"name\","
                        + "\"message\":\"is reserved\"}]}");
            } else {
                reply(exchange, 200, "application/json", body.replaceFirst("\\{", "{\"sku\":\"" + sku + "\","));
            }
        } else if (path.startsWith("/products/") && method.equals("GET")) {
            reply(exchange, 404, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Not Found\","
                    + "\"status\":404,\"detail\":\"No product " + path.substring(10) + "\"}");
        } else {
            reply(exchange, 405, "text/plain", "no");
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
