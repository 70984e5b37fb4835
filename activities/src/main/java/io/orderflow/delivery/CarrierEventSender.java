package io.orderflow.delivery;

import io.orderflow.delivery.CarrierEventOutbox.PendingEvent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated carrier's sender: posts due events from its outbox to the webhook, signed, one
 * after another, and stamps each one the webhook took. A refused or unreachable webhook stops the
 * round (later events of the same parcel must not overtake it) and the next round waits longer,
 * up to {@link #MAX_BACKOFF}. Nothing is kept in memory: after a crash the next process sends
 * whatever is still unsent.
 */
@Component
class CarrierEventSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CarrierEventSender.class);
    private static final int BATCH = 50;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** The JSON body the webhook expects. */
    record Message(String eventId, String trackingNumber, String reference, String type, String at) {
    }

    private final CarrierEventOutbox outbox;
    private final CarrierEventsProperties settings;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private ScheduledExecutorService scheduler;
    private int failedRounds;

    CarrierEventSender(CarrierEventOutbox outbox, CarrierEventsProperties settings) {
        this.outbox = outbox;
        this.settings = settings;
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
        boolean ok;
        try {
            ok = sendDue();
        } catch (RuntimeException e) {
            log.warn("carrier events: could not read the outbox: {}", e.getMessage());
            ok = false;
        }
        failedRounds = ok ? 0 : Math.min(failedRounds + 1, 10);
        Duration backoff = settings.pollInterval().multipliedBy(1L << failedRounds);
        scheduleNext(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    }

    /** Sends every due event in order; false when one could not be delivered (the rest wait). */
    boolean sendDue() {
        List<PendingEvent> due = outbox.due(clock.instant(), BATCH);
        for (PendingEvent event : due) {
            if (!send(event)) {
                return false;
            }
            outbox.markSent(event.eventId(), clock.instant());
        }
        return true;
    }

    private boolean send(PendingEvent event) {
        String body = json.writeValueAsString(new Message(event.eventId(), event.trackingNumber(), event.orderId(),
                event.type().name(), event.dueAt().toString()));
        HttpRequest request = HttpRequest.newBuilder(settings.webhookUrl())
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header(CarrierWebhookSignature.HEADER,
                        CarrierWebhookSignature.header(settings.webhookSecret(), clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return true;
            }
            if (status == 404) {
                // The webhook knows no such order or shipment: nothing will ever take this event.
                log.warn("carrier events: {} for order {} refused as unknown; dropped", event.type(), event.orderId());
                return true;
            }
            log.warn("carrier events: webhook answered {} to {} for order {}; will retry",
                    status, event.type(), event.orderId());
            return false;
        } catch (IOException e) {
            log.warn("carrier events: webhook unreachable ({}); will retry", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
