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
 * TEA-GREEN and any {@code BULK-…} SKU (each single product with its {@code ETag}),
 * answers 404 problems for other SKUs, rejects a PUT named "REJECT" with a 400 problem and a PUT
 * whose {@code If-Match} is {@link #STALE_ETAG} with a 412, and
 * answers FLAKY-1 with one 503 before it succeeds (to prove the gateway retries idempotent calls).
 * Stock changes ({@code POST /products/{sku}/stock}) answer MUG-RED; a delta of -100 is a 409, the
 * warehouse WH-SOUTH a 422, SKUs it does not know a 404.
 */
public final class FakeCatalogServer {

    /** The ETag of MUG-RED as served. */
    public static final String MUG_ETAG = "\"3\"";
    /** An If-Match this fake refuses with 412, as the stock service does once a product changed. */
    public static final String STALE_ETAG = "\"2\"";
    private static final String MUG = "{\"sku\":\"MUG-RED\",\"name\":\"Red mug\",\"priceCents\":1250,"
            + "\"currency\":\"EUR\",\"available\":7,\"warehouses\":[{\"warehouse\":\"WH-NORTH\",\"available\":7}],"
            + "\"etag\":\"\\\"3\\\"\"}";
    private static final String TEA = "{\"sku\":\"TEA-GREEN\",\"name\":\"Green tea\",\"priceCents\":450,"
            + "\"currency\":\"EUR\",\"available\":30,\"warehouses\":[{\"warehouse\":\"WH-NORTH\",\"available\":30}],"
            + "\"etag\":\"\\\"0\\\"\"}";
    /** Any SKU of this prefix exists (at 1.00 EUR), for carts that need many products. */
    public static final String BULK_PREFIX = "BULK-";

    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> writeTokens = new CopyOnWriteArrayList<>();
    private final List<String> ifMatches = new CopyOnWriteArrayList<>();

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

    /** The If-Match header of each PUT, in order ({@code "none"} when it had none). */
    public List<String> ifMatches() {
        return ifMatches;
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
            exchange.getResponseHeaders().add("ETag", MUG_ETAG);
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
        } else if (path.startsWith("/products/") && (method.equals("PUT") || method.equals("POST"))) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            // Like the stock service: catalog writes need the caller's bearer token.
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                reply(exchange, 401, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Unauthorized\","
                        + "\"status\":401,\"detail\":\"bearer token required\"}");
                return;
            }
            writeTokens.add(authorization.substring("Bearer ".length()));
            if (method.equals("POST")) {
                changeStock(exchange, path, body);
            } else {
                put(exchange, path.substring("/products/".length()), body);
            }
        } else if (path.startsWith("/products/") && method.equals("GET")) {
            reply(exchange, 404, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Not Found\","
                    + "\"status\":404,\"detail\":\"No product " + path.substring(10) + "\"}");
        } else {
            reply(exchange, 405, "text/plain", "no");
        }
    }

    private void put(HttpExchange exchange, String sku, String body) throws IOException {
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        ifMatches.add(ifMatch == null ? "none" : ifMatch);
        if (body.contains("\"REJECT\"")) {
            reply(exchange, 400, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Bad Request\","
                    + "\"status\":400,\"detail\":\"name is reserved\",\"errors\":[{\"field\":\"name\","
                    + "\"message\":\"is reserved\"}]}");
        } else if (STALE_ETAG.equals(ifMatch)) {
            reply(exchange, 412, "application/problem+json", problem("precondition-failed", "Product changed since read",
                    412, "Product " + sku + " changed since that version was read; nothing was written."));
        } else {
            exchange.getResponseHeaders().add("ETag", "\"4\"");
            reply(exchange, 200, "application/json", body.replaceFirst("\\{", "{\"sku\":\"" + sku + "\",")
                    .replaceFirst("\\}$", ",\"warehouses\":[],\"etag\":\"\\\\\"4\\\\\"\"}"));
        }
    }

    private void changeStock(HttpExchange exchange, String path, String body) throws IOException {
        if (!path.equals("/products/MUG-RED/stock")) {
            reply(exchange, 404, "application/problem+json", problem("product-not-found", "Product not found", 404,
                    "No product " + path));
        } else if (body.contains("\"delta\":-100")) {
            reply(exchange, 409, "application/problem+json", problem("not-enough-stock", "Not enough stock", 409,
                    "Product MUG-RED has 7 available; a change of -100 would take it below zero. Nothing changed."));
        } else if (body.contains("\"WH-SOUTH\"")) {
            reply(exchange, 422, "application/problem+json", problem("unknown-warehouse", "Unknown warehouse", 422,
                    "Product MUG-RED is stocked only in warehouse WH-NORTH."));
        } else {
            exchange.getResponseHeaders().add("ETag", "\"4\"");
            reply(exchange, 200, "application/json", MUG.replace("7", "12").replace("\\\"3\\\"", "\\\"4\\\""));
        }
    }

    private static String problem(String type, String title, int status, String detail) {
        return "{\"type\":\"https://orderflow.io/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}";
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
