package io.orderflow.delivery;

import io.orderflow.delivery.CarrierEventOutbox.PendingEvent;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated carrier's sender: posts due events from its outbox to the webhook, signed, and
 * stamps each one the webhook took. Each order's next event is posted at most once per round, the
 * orders side by side, so one slow or refusing order costs the others nothing. A refused event
 * (any answer but 2xx and 404, or no answer) is tried again after its own backoff, or after the
 * webhook's Retry-After; its order's later events wait behind it, other orders' do not. An event
 * refused too often or for too long is parked ({@link CarrierEventsProperties.Retry}): logged once,
 * counted by the gauge {@value CarrierEventMetrics#PARKED}, and never tried again by itself.
 * Nothing is kept in memory: after a crash the next process sends whatever is still unsent.
 */
@Component
class CarrierEventSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CarrierEventSender.class);
    private static final int BATCH = 50;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** When the outbox itself cannot be read (the database is down). */
    private static final Duration MAX_OUTBOX_BACKOFF = Duration.ofSeconds(10);

    /** The JSON body the webhook expects. */
    record Message(String eventId, String trackingNumber, String reference, String type, String at) {
    }

    /** What became of one POST: an HTTP status (with the Retry-After it gave), or no answer at all. */
    record Answer(int status, Optional<Duration> retryAfter, String error) {

        static Answer unreachable(Throwable cause) {
            return new Answer(0, Optional.empty(), "webhook unreachable: " + cause);
        }

        boolean taken() {
            return status / 100 == 2;
        }

        /** The webhook knows no such order or shipment: nothing will ever take this event. */
        boolean unknown() {
            return status == 404;
        }
    }

    private final CarrierEventOutbox outbox;
    private final CarrierEventsProperties settings;
    private final CarrierEventRetryPolicy retries;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private ScheduledExecutorService scheduler;
    private int failedRounds;

    CarrierEventSender(CarrierEventOutbox outbox, CarrierEventsProperties settings) {
        this.outbox = outbox;
        this.settings = settings;
        this.retries = new CarrierEventRetryPolicy(settings.retry());
        this.clock = Clock.systemUTC();
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "carrier-events");
            thread.setDaemon(true);
            return thread;
        });
        scheduleNext(settings.pollInterval());
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    private synchronized void scheduleNext(Duration wait) {
        if (scheduler != null) {
            scheduler.schedule(this::round, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void round() {
        Duration next = settings.pollInterval();
        try {
            // More may be due right away: an order's next event once its previous one went out, or
            // what did not fit in a full batch.
            if (sendDue()) {
                next = Duration.ZERO;
            }
            failedRounds = 0;
        } catch (RuntimeException e) {
            log.warn("carrier events: could not read or update the outbox: {}", e.getMessage());
            failedRounds = Math.min(failedRounds + 1, 10);
            Duration backoff = settings.pollInterval().multipliedBy(1L << failedRounds);
            next = backoff.compareTo(MAX_OUTBOX_BACKOFF) > 0 ? MAX_OUTBOX_BACKOFF : backoff;
        }
        scheduleNext(next);
    }

    /**
     * Posts the next due event of each order, all at once, and records each answer.
     *
     * @return whether to look again at once: something went out, or the batch was full
     */
    boolean sendDue() {
        List<PendingEvent> due = outbox.due(clock.instant(), BATCH);
        List<PendingEvent> going = due.stream()
                .filter(event -> event.said() || outbox.markSaid(event, clock.instant()))
                .toList();
        List<CompletableFuture<Answer>> answers = going.stream().map(this::post).toList();
        boolean sentAny = false;
        for (int i = 0; i < going.size(); i++) {
            sentAny |= record(going.get(i), answers.get(i).join());
        }
        return sentAny || due.size() == BATCH;
    }

    /** @return whether the event is done with (taken, or dropped as unknown) */
    private boolean record(PendingEvent event, Answer answer) {
        Instant now = clock.instant();
        if (answer.taken() || answer.unknown()) {
            if (answer.unknown()) {
                log.warn("carrier events: {} for order {} refused as unknown; dropped", event.type(), event.orderId());
            }
            outbox.markSent(event.eventId(), now);
            return true;
        }
        int attempts = event.attempts() + 1;
        Optional<Instant> retryAt = retries.nextAttempt(attempts, event.dueAt(), now, answer.retryAfter());
        if (retryAt.isPresent()) {
            log.info("carrier events: {} for order {} not taken ({}, attempt {}); next attempt at {}",
                    event.type(), event.orderId(), answer.error(), attempts, retryAt.get());
            outbox.retryLater(event.eventId(), attempts, retryAt.get(), answer.error());
        } else {
            int parked = outbox.park(event, attempts, answer.error(), now);
            log.warn("carrier events: {} for order {} PARKED after {} attempts (last: {}); it and {} later event(s) "
                    + "of that order are not retried by themselves: see docs/observability.md",
                    event.type(), event.orderId(), attempts, answer.error(), Math.max(parked - 1, 0));
        }
        return false;
    }

    private CompletableFuture<Answer> post(PendingEvent event) {
        String body = json.writeValueAsString(new Message(event.eventId(), event.trackingNumber(), event.orderId(),
                event.type().name(), event.dueAt().toString()));
        HttpRequest request = HttpRequest.newBuilder(settings.webhookUrl())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(CarrierWebhookSignature.HEADER,
                        CarrierWebhookSignature.header(settings.webhookSecret(), clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Answer(response.statusCode(), retryAfter(response), "HTTP " + response.statusCode()))
                .exceptionally(failure -> Answer.unreachable(
                        failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure));
    }

    /** Retry-After as seconds or as an HTTP date (RFC 9110); anything else is ignored. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value))).filter(wait -> !wait.isNegative());
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(Duration.between(clock.instant(), at)).filter(wait -> !wait.isNegative());
                } catch (DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
        });
    }
}
