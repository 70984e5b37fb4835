package io.orderflow.delivery;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on a free local port that records what the carrier posts and answers with a
 * status the test chooses ({@code 202} unless told otherwise), for every event or for the events of
 * one order.
 */
final class RecordingWebhook implements AutoCloseable {

    /** One POST as it arrived. */
    record Delivery(String signature, String body) {
    }

    /** Every POST, taken or refused, with when it came and what it was answered. */
    record Attempt(Instant at, String body, int answered) {
    }

    /** An answer: a status, with a Retry-After header when it is not null. */
    private record Answer(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final List<Delivery> received = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private volatile Answer answer = new Answer(202, null);
    private final Map<String, Answer> answersForOrder = new ConcurrentHashMap<>();
    private final AtomicInteger attemptCount = new AtomicInteger();

    RecordingWebhook() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/carrier/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer chosen = answersForOrder.entrySet().stream()
                    .filter(rule -> body.contains("\"reference\":\"" + rule.getKey() + "\""))
                    .map(Map.Entry::getValue)
                    .findFirst().orElse(answer);
            synchronized (attempts) {
                attempts.add(new Attempt(Instant.now(), body, chosen.status()));
            }
            attemptCount.incrementAndGet();
            if (chosen.status() / 100 == 2) {
                synchronized (received) {
                    received.add(new Delivery(exchange.getRequestHeaders().getFirst("Carrier-Signature"), body));
                }
            }
            if (chosen.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", chosen.retryAfter());
            }
            exchange.sendResponseHeaders(chosen.status(), -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/carrier/events");
    }

    /** Answers every event (of orders without an answer of their own) with this status. */
    void answer(int httpStatus) {
        answer = new Answer(httpStatus, null);
    }

    /** Answers the events of one order with this status. */
    void answerOrder(String orderId, int httpStatus) {
        answersForOrder.put(orderId, new Answer(httpStatus, null));
    }

    /** Answers the events of one order with this status and a Retry-After header. */
    void answerOrder(String orderId, int httpStatus, String retryAfter) {
        answersForOrder.put(orderId, new Answer(httpStatus, retryAfter));
    }

    /** Back to the common answer for this order. */
    void forgetOrder(String orderId) {
        answersForOrder.remove(orderId);
    }

    /** Every POST, taken or refused. */
    int attempts() {
        return attemptCount.get();
    }

    /** Every POST for this order, taken or refused, in arrival order. */
    List<Attempt> attemptsFor(String orderId) {
        synchronized (attempts) {
            return attempts.stream().filter(attempt -> attempt.body().contains("\"reference\":\"" + orderId + "\"")).toList();
        }
    }

    /** What the webhook took (answered 2xx), in arrival order. */
    List<Delivery> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** What the webhook took for this order, in arrival order. */
    List<Delivery> receivedFor(String orderId) {
        return received().stream().filter(post -> post.body().contains("\"reference\":\"" + orderId + "\"")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
