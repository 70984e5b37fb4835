package io.orderflow.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a free local port that records what the carrier posts and answers with a
 * status the test chooses ({@code 202} unless told otherwise).
 */
final class RecordingWebhook implements AutoCloseable {

    /** One POST as it arrived. */
    record Delivery(String signature, String body) {
    }

    private final HttpServer server;
    private final List<Delivery> received = new ArrayList<>();
    private final AtomicInteger status = new AtomicInteger(202);
    private final AtomicInteger attempts = new AtomicInteger();

    RecordingWebhook() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/carrier/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            attempts.incrementAndGet();
            int answer = status.get();
            if (answer / 100 == 2) {
                synchronized (received) {
                    received.add(new Delivery(exchange.getRequestHeaders().getFirst("Carrier-Signature"), body));
                }
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/carrier/events");
    }

    void answer(int httpStatus) {
        status.set(httpStatus);
    }

    /** Every POST, taken or refused. */
    int attempts() {
        return attempts.get();
    }

    /** What the webhook took (answered 2xx), in arrival order. */
    List<Delivery> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
