package io.orderflow.delivery;

import static io.orderflow.testing.Concurrently.runTogether;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.checkout.CarrierEventType;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import io.orderflow.delivery.CarrierEventOutbox.ParkedEvent;
import io.orderflow.delivery.CarrierEventOutbox.PendingEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The simulated carrier's outbox, run against each database the services use: which events may go
 * out when, so that one order's stuck event holds back no other order, and what a cancel does to a
 * parcel's reports. The sender is idle here (its first round is an hour away, and events are due an
 * hour after booking); each test plays the sender's part itself.
 */
@TestPropertySource(properties = {
    "orderflow.delivery.carrier.events.enabled=true",
    "orderflow.delivery.carrier.events.delay=1h",
    "orderflow.delivery.carrier.events.poll-interval=1h",
    // Never called: nothing is posted in these tests.
    "orderflow.delivery.carrier.events.webhook-url=http://127.0.0.1:9/api/v1/carrier/events",
    "orderflow.delivery.carrier.events.webhook-secret=outbox-spec-secret"})
abstract class CarrierEventOutboxSpec {

    static final Duration DELAY = Duration.ofHours(1);

    @Autowired
    CarrierEventOutbox outbox;

    @Autowired
    DeliveryActivities delivery;

    @Autowired
    JdbcTemplate jdbc;

    /** Past every event's due time. */
    private final Instant later = Instant.now().plus(DELAY).plusSeconds(3600);

    @Test
    void eachOrdersEventsAreDueOneAtATimeInTheOrderTheCarrierProducedThem() {
        String first = book("12 Main St");
        String second = book("12 Main St");

        assertThat(dueTypes(first, later)).containsExactly(CarrierEventType.PICKED_UP);
        assertThat(dueTypes(second, later)).containsExactly(CarrierEventType.PICKED_UP);

        report(first, CarrierEventType.PICKED_UP);

        assertThat(dueTypes(first, later)).containsExactly(CarrierEventType.DELIVERED);
        assertThat(dueTypes(second, later)).containsExactly(CarrierEventType.PICKED_UP);
        assertThat(dueTypes(first, Instant.now())).as("not before its time").isEmpty();
    }

    @Test
    void anEventWaitingForItsRetryHoldsBackItsOwnOrderOnly() {
        String refused = book("12 Main St");
        String other = book("12 Main St");
        Instant retryAt = later.plus(Duration.ofMinutes(10));

        outbox.retryLater(eventId(refused, CarrierEventType.PICKED_UP), 1, retryAt, "HTTP 503");

        assertThat(dueTypes(refused, later)).as("neither the refused event nor the ones after it").isEmpty();
        assertThat(dueTypes(other, later)).containsExactly(CarrierEventType.PICKED_UP);
        assertThat(dueTypes(refused, retryAt.minusSeconds(1))).isEmpty();
        assertThat(due(refused, retryAt.plusMillis(1))).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(CarrierEventType.PICKED_UP);
            assertThat(event.attempts()).isEqualTo(1);
        });
    }

    @Test
    void aParkedEventIsNeverDueAgainHoldsItsOrdersLaterEventsAndIsListedAndCounted() {
        String stuck = book("12 Main St");
        String other = book("12 Main St");
        long parkedBefore = outbox.parkedCount();
        PendingEvent pickUp = due(stuck, later).get(0);

        int parked = outbox.park(pickUp, 7, "HTTP 503", Instant.now());

        assertThat(parked).as("the pick-up and the delivery behind it").isEqualTo(2);
        assertThat(dueTypes(stuck, later.plus(Duration.ofDays(365)))).isEmpty();
        assertThat(dueTypes(other, later)).containsExactly(CarrierEventType.PICKED_UP);
        assertThat(outbox.parkedCount()).isEqualTo(parkedBefore + 2);
        assertThat(outbox.parked(1000)).filteredOn(event -> event.orderId().equals(stuck))
                .extracting(ParkedEvent::type, ParkedEvent::attempts, ParkedEvent::lastError)
                .containsExactly(
                        tuple(CarrierEventType.PICKED_UP, 7, "HTTP 503"),
                        tuple(CarrierEventType.DELIVERED, 0, null));
    }

    @Test
    void aCancelBeforeThePickUpWasReportedLeavesNothingToReport() {
        String orderId = book("12 Main St");

        delivery.cancel(orderId);

        assertThat(dueTypes(orderId, later)).isEmpty();
        assertThat(outbox.markSaid(pending(orderId, CarrierEventType.PICKED_UP), Instant.now()))
                .as("a withdrawn event is never posted").isFalse();
        assertThat(events(orderId)).doesNotContain("RETURNED");
    }

    @Test
    void aCancelAfterThePickUpWasReportedReportsTheReturnInsteadOfTheDeliveryOnce() {
        String orderId = book("12 Main St");
        report(orderId, CarrierEventType.PICKED_UP);

        Instant before = Instant.now();
        delivery.cancel(orderId);
        Instant after = Instant.now();
        delivery.cancel(orderId);

        assertThat(due(orderId, later)).singleElement().satisfies(returned -> {
            assertThat(returned.type()).isEqualTo(CarrierEventType.RETURNED);
            assertThat(returned.dueAt()).as("after the usual delay")
                    .isBetween(atDatabasePrecision(before.plus(DELAY)), after.plus(DELAY).plusMillis(1));
        });
        assertThat(events(orderId)).as("the delivery withdrawn, one return").containsExactly("PICKED_UP", "RETURNED");
        report(orderId, CarrierEventType.RETURNED);
        assertThat(dueTypes(orderId, later)).as("the delivery never goes out").isEmpty();
    }

    @Test
    void aCancelWhileThePickUpIsBeingPostedLetsItGoOutThenReportsTheReturn() {
        String orderId = book("12 Main St");
        assertThat(outbox.markSaid(pending(orderId, CarrierEventType.PICKED_UP), Instant.now())).isTrue();

        delivery.cancel(orderId);

        assertThat(dueTypes(orderId, later)).containsExactly(CarrierEventType.PICKED_UP);
        outbox.markSent(eventId(orderId, CarrierEventType.PICKED_UP), Instant.now());
        assertThat(dueTypes(orderId, later)).containsExactly(CarrierEventType.RETURNED);
    }

    @Test
    void aCancelAfterTheDeliveryWasReportedReportsNothingMore() {
        String orderId = book("12 Main St");
        report(orderId, CarrierEventType.PICKED_UP);
        report(orderId, CarrierEventType.DELIVERED);

        delivery.cancel(orderId);

        assertThat(dueTypes(orderId, later)).isEmpty();
        assertThat(events(orderId)).containsExactly("PICKED_UP", "DELIVERED");
    }

    @Test
    void aParcelThatWasToComeBackAnywayIsReturnedOnceWhenCancelledAfterItsPickUp() {
        String orderId = book("12 RETURN-ME St");
        report(orderId, CarrierEventType.PICKED_UP);

        Instant before = Instant.now();
        delivery.cancel(orderId);

        assertThat(events(orderId)).containsExactly("PICKED_UP", "RETURNED");
        assertThat(due(orderId, later)).singleElement().satisfies(returned -> {
            assertThat(returned.type()).isEqualTo(CarrierEventType.RETURNED);
            assertThat(returned.dueAt()).isAfterOrEqualTo(atDatabasePrecision(before.plus(DELAY)));
        });
    }

    @Test
    void aCancelRacingThePickUpsFirstPostEitherLetsItOutWithAReturnOrWithdrawsBoth() throws Exception {
        List<String> orders = new ArrayList<>();
        List<Callable<Boolean>> racing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String orderId = book("12 Main St");
            orders.add(orderId);
            PendingEvent pickUp = pending(orderId, CarrierEventType.PICKED_UP);
            racing.add(() -> outbox.markSaid(pickUp, Instant.now()));
            racing.add(() -> {
                delivery.cancel(orderId);
                return true;
            });
        }
        List<Boolean> results = runTogether(racing);

        for (int i = 0; i < orders.size(); i++) {
            String orderId = orders.get(i);
            boolean pickUpSaid = results.get(2 * i);
            if (pickUpSaid) {
                assertThat(dueTypes(orderId, later)).as("%s: its pick-up goes out", orderId)
                        .containsExactly(CarrierEventType.PICKED_UP);
                assertThat(events(orderId)).as("%s: and then its return", orderId).contains("RETURNED");
            } else {
                assertThat(dueTypes(orderId, later)).as("%s: nothing goes out", orderId).isEmpty();
                assertThat(events(orderId)).as("%s: and nothing comes back", orderId).doesNotContain("RETURNED");
            }
        }
    }

    /** Books a parcel to this first address line through the delivery activity; its order id. */
    private String book(String line1) {
        String orderId = "order-" + UUID.randomUUID();
        delivery.schedule(new ShipmentRequest(orderId, new ShippingAddress("Ada Lovelace", line1, "London", "N1 9GU", "GB"),
                List.of(new OrderLine("MUG-RED", 1))));
        return orderId;
    }

    /** What the sender does when the webhook takes the event: said, then sent. */
    private void report(String orderId, CarrierEventType type) {
        PendingEvent event = pending(orderId, type);
        assertThat(outbox.markSaid(event, Instant.now())).isTrue();
        outbox.markSent(event.eventId(), Instant.now());
    }

    private List<PendingEvent> due(String orderId, Instant at) {
        return outbox.due(at, 10_000).stream().filter(event -> event.orderId().equals(orderId)).toList();
    }

    private List<CarrierEventType> dueTypes(String orderId, Instant at) {
        return due(orderId, at).stream().map(PendingEvent::type).toList();
    }

    /** The event as the sender would hold it, whether it is due or not. */
    private PendingEvent pending(String orderId, CarrierEventType type) {
        return jdbc.queryForObject("""
                SELECT tracking_number, due_at, attempts, first_attempt_at FROM sim_carrier_event WHERE event_id = ?""",
                (rs, row) -> new PendingEvent(eventId(orderId, type), orderId, rs.getString(1), type,
                        rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getTimestamp(4) != null),
                eventId(orderId, type));
    }

    /** The order's events in the outbox that are not withdrawn, in their order. */
    private List<String> events(String orderId) {
        return jdbc.queryForList("""
                SELECT event_type FROM sim_carrier_event WHERE idempotency_key = ? AND withdrawn_at IS NULL
                ORDER BY sequence_number""", String.class, orderId);
    }

    /** MySQL Connector/J may drop the fraction of a second on the way to MariaDB. */
    private static Instant atDatabasePrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String eventId(String orderId, CarrierEventType type) {
        return CarrierEventOutbox.eventId(orderId, type);
    }
}
