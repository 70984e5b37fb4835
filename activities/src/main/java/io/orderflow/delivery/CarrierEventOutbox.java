package io.orderflow.delivery;

import io.orderflow.checkout.CarrierEventType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The simulated carrier's outbox ({@code sim_carrier_event}, migration V3): events it has promised
 * to report, with when they are due and whether they went out. Only the simulated carrier uses it.
 */
@Component
class CarrierEventOutbox {

    /** One event as the carrier will post it. */
    record PendingEvent(String eventId, String orderId, String trackingNumber, CarrierEventType type, Instant dueAt) {
    }

    private final JdbcClient jdbc;

    CarrierEventOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the events of a booking, due at {@code dueAt}, in the given order. */
    void queue(String orderId, String trackingNumber, List<CarrierEventType> events, Instant dueAt) {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            CarrierEventType type = events.get(sequence);
            jdbc.sql("""
                    INSERT INTO sim_carrier_event
                        (event_id, idempotency_key, tracking_number, event_type, sequence_number, due_at)
                    VALUES (:eventId, :key, :trackingNumber, :type, :sequence, :dueAt)""")
                    .param("eventId", eventId(orderId, type))
                    .param("key", orderId)
                    .param("trackingNumber", trackingNumber)
                    .param("type", type.name())
                    .param("sequence", sequence)
                    .param("dueAt", Timestamp.from(dueAt))
                    .update();
        }
    }

    /** Unsent events that are due, of bookings not cancelled, oldest first and in order within a booking. */
    List<PendingEvent> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT e.event_id, e.idempotency_key, e.tracking_number, e.event_type, e.due_at
                FROM sim_carrier_event e
                JOIN sim_carrier_booking b ON b.idempotency_key = e.idempotency_key
                WHERE e.sent_at IS NULL AND e.due_at <= :now AND b.cancelled_at IS NULL
                ORDER BY e.due_at, e.idempotency_key, e.sequence_number
                LIMIT :limit""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new PendingEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        CarrierEventType.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()))
                .list();
    }

    void markSent(String eventId, Instant now) {
        jdbc.sql("UPDATE sim_carrier_event SET sent_at = :now WHERE event_id = :eventId AND sent_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("eventId", eventId)
                .update();
    }

    /** Stable per order and type: the carrier reports each at most once, so a resend is a duplicate. */
    static String eventId(String orderId, CarrierEventType type) {
        return "evt-" + orderId + "-" + type.name().toLowerCase(Locale.ROOT);
    }
}
