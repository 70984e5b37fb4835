package io.orderflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderflow.checkout.CarrierEventType;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import io.orderflow.delivery.CarrierEventOutbox.ParkedEvent;
import io.orderflow.persistence.InMemoryDatabase;
import io.orderflow.testing.DeliveryServiceApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The simulated carrier's sender against a webhook that refuses one order's events: every other
 * order's reports still arrive, the refused one is tried again with growing waits (or when the
 * webhook says), keeps its own order's events in their order, and is parked after its last attempt.
 */
class AStuckCarrierEventHoldsUpNoOtherOrderTest {

    private static final int PARK_AFTER_ATTEMPTS = 5;
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(1600);

    private final RecordingWebhook webhook = new RecordingWebhook();
    private ConfigurableApplicationContext service;
    private DeliveryActivities delivery;

    @BeforeEach
    void startTheDeliveryService() {
        // As arguments: they override the test class path's application.properties (events off).
        service = new SpringApplicationBuilder(DeliveryServiceApp.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + InMemoryDatabase.url("stuck-carrier-event-" + UUID.randomUUID()),
                        "--spring.datasource.username=" + InMemoryDatabase.USERNAME,
                        "--spring.datasource.password=" + InMemoryDatabase.PASSWORD,
                        "--orderflow.delivery.carrier.events.enabled=true",
                        "--orderflow.delivery.carrier.events.delay=0s",
                        "--orderflow.delivery.carrier.events.poll-interval=50ms",
                        "--orderflow.delivery.carrier.events.retry.initial-backoff=" + INITIAL_BACKOFF.toMillis() + "ms",
                        "--orderflow.delivery.carrier.events.retry.max-backoff=" + MAX_BACKOFF.toMillis() + "ms",
                        "--orderflow.delivery.carrier.events.retry.park-after-attempts=" + PARK_AFTER_ATTEMPTS,
                        "--orderflow.delivery.carrier.events.webhook-url=" + webhook.url(),
                        "--orderflow.delivery.carrier.events.webhook-secret=stuck-secret");
        delivery = service.getBean(DeliveryActivities.class);
    }

    @AfterEach
    void stop() {
        service.close();
        webhook.close();
    }

    @Test
    void aPoisonedOrderHoldsUpNoOtherOrdersEventsAndIsParkedAfterItsLastAttempt() {
        String poisoned = "order-poisoned-" + UUID.randomUUID();
        webhook.answerOrder(poisoned, 503);
        // Booked first: its events are the oldest in the outbox.
        schedule(poisoned);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(schedule("order-" + UUID.randomUUID()));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> others.stream().allMatch(id -> webhook.receivedFor(id).size() == 2));
        for (String orderId : others) {
            assertThat(types(webhook.receivedFor(orderId).stream().map(RecordingWebhook.Delivery::body).toList()))
                    .as("order %s", orderId).containsExactly("PICKED_UP", "DELIVERED");
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> parkedCount() == 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> webhook.attemptsFor(poisoned).size() == PARK_AFTER_ATTEMPTS);
        List<RecordingWebhook.Attempt> attempts = webhook.attemptsFor(poisoned);
        assertThat(types(attempts.stream().map(RecordingWebhook.Attempt::body).toList()))
                .as("its delivery never overtakes its pick-up").containsOnly("PICKED_UP");
        for (int i = 1; i < attempts.size(); i++) {
            Duration backoff = INITIAL_BACKOFF.multipliedBy(1L << (i - 1));
            Duration expected = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
            assertThat(Duration.between(attempts.get(i - 1).at(), attempts.get(i).at()))
                    .as("wait before attempt %d", i + 1).isGreaterThanOrEqualTo(expected.minusMillis(20));
        }
        assertThat(listedAsParked()).extracting(ParkedEvent::orderId, ParkedEvent::type, ParkedEvent::attempts,
                        ParkedEvent::lastError)
                .containsExactly(
                        tuple(poisoned, CarrierEventType.PICKED_UP, PARK_AFTER_ATTEMPTS, "HTTP 503"),
                        tuple(poisoned, CarrierEventType.DELIVERED, 0, null));
    }

    @Test
    void aTooManyRequestsWithRetryAfterIsHonouredForThatEvent() {
        String limited = "order-limited-" + UUID.randomUUID();
        webhook.answerOrder(limited, 429, "2");
        schedule(limited);
        await().atMost(Duration.ofSeconds(5)).until(() -> webhook.attemptsFor(limited).size() == 1);
        webhook.forgetOrder(limited);
        String other = schedule("order-" + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(10)).until(() -> webhook.receivedFor(limited).size() == 2);

        List<RecordingWebhook.Attempt> attempts = webhook.attemptsFor(limited);
        assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
                .as("the webhook's Retry-After, not the 200 ms backoff").isGreaterThanOrEqualTo(Duration.ofMillis(1980));
        assertThat(webhook.receivedFor(other)).as("meanwhile another order's reports went out").hasSize(2);
        assertThat(webhook.receivedFor(other).get(1).body()).contains("DELIVERED");
        assertThat(parkedCount()).isZero();
    }

    @Test
    void anOrdersLaterEventWaitsUntilItsRefusedEarlierOneWasTaken() {
        String refused = "order-refused-" + UUID.randomUUID();
        webhook.answerOrder(refused, 503);
        schedule(refused);
        await().atMost(Duration.ofSeconds(5)).until(() -> webhook.attemptsFor(refused).size() == 2);
        webhook.forgetOrder(refused);

        await().atMost(Duration.ofSeconds(10)).until(() -> webhook.receivedFor(refused).size() == 2);

        List<String> tried = types(webhook.attemptsFor(refused).stream().map(RecordingWebhook.Attempt::body).toList());
        assertThat(tried).containsExactly("PICKED_UP", "PICKED_UP", "PICKED_UP", "DELIVERED");
        assertThat(parkedCount()).isZero();
    }

    private String schedule(String orderId) {
        delivery.schedule(new ShipmentRequest(orderId, new ShippingAddress("Ada Lovelace", "12 Main St", "London", "N1 9GU", "GB"),
                List.of(new OrderLine("MUG-RED", 1))));
        return orderId;
    }

    /** The gauge as the worker's Prometheus endpoint reads it. */
    private double parkedCount() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        service.getBean(CarrierEventMetrics.class).bindTo(registry);
        return registry.get("orderflow.carrier.events.parked").gauge().value();
    }

    /** What the worker's actuator info endpoint lists. */
    @SuppressWarnings("unchecked")
    private List<ParkedEvent> listedAsParked() {
        Info.Builder info = new Info.Builder();
        service.getBean(ParkedCarrierEventsInfo.class).contribute(info);
        Map<String, Object> section = (Map<String, Object>) info.build().getDetails().get("carrierEvents");
        assertThat(section.get("parkedCount")).isEqualTo(2L);
        return (List<ParkedEvent>) section.get("parked");
    }

    private static List<String> types(List<String> bodies) {
        return bodies.stream().map(body -> body.replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1")).toList();
    }
}
