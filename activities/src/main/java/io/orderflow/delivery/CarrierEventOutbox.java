package io.orderflow.delivery;

import io.orderflow.checkout.CarrierEventType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated carrier's outbox ({@code sim_carrier_event}, migrations V3 and V4): events it has
 * promised to report, with when they are due, how often the webhook refused them and whether they
 * went out. Each order's events leave in their order; an order whose next event waits (for its
 * retry, or parked) holds back only its own later events. Only the simulated carrier uses it.
 */
@Component
class CarrierEventOutbox {

    /** One event as the carrier will post it; {@code said} once a first attempt to post it was made. */
    record PendingEvent(String eventId, String orderId, String trackingNumber, CarrierEventType type, Instant dueAt,
            int attempts, boolean said) {
    }

    /** An event given up on, for people to look at. */
    record ParkedEvent(String eventId, String orderId, CarrierEventType type, int attempts, String lastError,
            Instant dueAt, Instant parkedAt) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    CarrierEventOutbox(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
    }

    /** Queues the events of a booking, due at {@code dueAt}, in the given order. */
    void queue(String orderId, String trackingNumber, List<CarrierEventType> events, Instant dueAt) {
        for (int sequence = 0; sequence < events.size(); sequence++) {
            insert(orderId, trackingNumber, events.get(sequence), sequence, dueAt);
        }
    }

    /**
     * Events that may be posted now: of each order only its oldest one not yet sent (or withdrawn),
     * and only when it is due and its retry time, if any, has come. An order whose oldest event
     * waits or is parked has nothing here; the other orders are not affected.
     */
    List<PendingEvent> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT e.event_id, e.idempotency_key, e.tracking_number, e.event_type, e.due_at, e.attempts,
                       e.first_attempt_at
                FROM sim_carrier_event e
                WHERE e.sent_at IS NULL AND e.withdrawn_at IS NULL AND e.parked_at IS NULL
                  AND e.due_at <= :now AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= :now)
                  AND NOT EXISTS (
                      SELECT 1 FROM sim_carrier_event earlier
                      WHERE earlier.idempotency_key = e.idempotency_key
                        AND earlier.sequence_number < e.sequence_number
                        AND earlier.sent_at IS NULL AND earlier.withdrawn_at IS NULL)
                ORDER BY COALESCE(e.next_attempt_at, e.due_at), e.idempotency_key
                LIMIT :limit""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new PendingEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        CarrierEventType.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getInt(6),
                        rs.getTimestamp(7) != null))
                .list();
    }

    /**
     * Marks the event as said before its first POST, under its booking's row lock, so that a cancel
     * of the booking (which takes the same lock) either comes first and withdraws it, or comes after
     * and knows the carrier said it.
     *
     * @return false when a cancel withdrew it first (or it is no longer pending): do not post it
     */
    boolean markSaid(PendingEvent event, Instant now) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            lockBooking(event.orderId());
            return jdbc.sql("""
                    UPDATE sim_carrier_event SET first_attempt_at = :now
                    WHERE event_id = :eventId AND first_attempt_at IS NULL
                      AND sent_at IS NULL AND withdrawn_at IS NULL AND parked_at IS NULL""")
                    .param("now", Timestamp.from(now))
                    .param("eventId", event.eventId())
                    .update() == 1;
        }));
    }

    void markSent(String eventId, Instant now) {
        jdbc.sql("UPDATE sim_carrier_event SET sent_at = :now WHERE event_id = :eventId AND sent_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("eventId", eventId)
                .update();
    }

    /** The webhook refused it: not before {@code nextAttemptAt} again. */
    void retryLater(String eventId, int attempts, Instant nextAttemptAt, String error) {
        jdbc.sql("""
                UPDATE sim_carrier_event SET attempts = :attempts, next_attempt_at = :next, last_error = :error
                WHERE event_id = :eventId AND sent_at IS NULL""")
                .param("attempts", attempts)
                .param("next", Timestamp.from(nextAttemptAt))
                .param("error", truncated(error))
                .param("eventId", eventId)
                .update();
    }

    /**
     * Gives up on the event: it is never picked again by itself. Its order's later events stay
     * behind it (they must not overtake it), so they are parked with it.
     *
     * @return how many of the order's events are parked with this one, itself included
     */
    int park(PendingEvent event, int attempts, String error, Instant now) {
        return ownTransaction.execute(status -> {
            lockBooking(event.orderId());
            jdbc.sql("""
                    UPDATE sim_carrier_event SET attempts = :attempts, last_error = :error
                    WHERE event_id = :eventId AND sent_at IS NULL""")
                    .param("attempts", attempts)
                    .param("error", truncated(error))
                    .param("eventId", event.eventId())
                    .update();
            return jdbc.sql("""
                    UPDATE sim_carrier_event SET parked_at = :now
                    WHERE idempotency_key = :key AND sent_at IS NULL AND withdrawn_at IS NULL AND parked_at IS NULL""")
                    .param("now", Timestamp.from(now))
                    .param("key", event.orderId())
                    .update();
        });
    }

    /** Parked events not sent or withdrawn since: what the gauge shows. */
    long parkedCount() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM sim_carrier_event
                WHERE parked_at IS NOT NULL AND sent_at IS NULL AND withdrawn_at IS NULL""")
                .query(Long.class).single();
    }

    /** The oldest parked events first. */
    List<ParkedEvent> parked(int limit) {
        return jdbc.sql("""
                SELECT event_id, idempotency_key, event_type, attempts, last_error, due_at, parked_at
                FROM sim_carrier_event
                WHERE parked_at IS NOT NULL AND sent_at IS NULL AND withdrawn_at IS NULL
                ORDER BY parked_at, idempotency_key, sequence_number
                LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> new ParkedEvent(rs.getString(1), rs.getString(2),
                        CarrierEventType.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /**
     * A cancel reached the carrier: called in the carrier's transaction that cancelled the booking
     * (its row locked). Events not yet said are withdrawn. A parcel whose pick-up was already said
     * is on its way and comes back: unless its outcome was said too, the carrier reports
     * {@code RETURNED} at {@code returnDueAt} instead of what it had planned.
     */
    void withdrawOnCancel(String orderId, Instant now, Instant returnDueAt) {
        List<Queued> events = jdbc.sql("""
                SELECT event_type, sequence_number, tracking_number, first_attempt_at IS NOT NULL OR sent_at IS NOT NULL
                FROM sim_carrier_event
                WHERE idempotency_key = :key AND withdrawn_at IS NULL
                ORDER BY sequence_number
                FOR UPDATE""")
                .param("key", orderId)
                .query((rs, row) -> Queued.of(rs))
                .list();
        jdbc.sql("""
                UPDATE sim_carrier_event SET withdrawn_at = :now
                WHERE idempotency_key = :key AND first_attempt_at IS NULL AND sent_at IS NULL AND withdrawn_at IS NULL""")
                .param("now", Timestamp.from(now))
                .param("key", orderId)
                .update();
        boolean pickedUp = events.stream().anyMatch(event -> event.type() == CarrierEventType.PICKED_UP && event.said());
        boolean outcomeSaid = events.stream().anyMatch(event -> event.type() != CarrierEventType.PICKED_UP && event.said());
        if (!pickedUp || outcomeSaid) {
            return;
        }
        // A RETURN-ME parcel already had its return queued (just withdrawn, as it was not said yet):
        // it stays the one return, due like any other after a cancel. Event ids are one per type.
        int revived = jdbc.sql("""
                UPDATE sim_carrier_event SET withdrawn_at = NULL, due_at = :due
                WHERE event_id = :eventId AND first_attempt_at IS NULL AND sent_at IS NULL""")
                .param("due", Timestamp.from(returnDueAt))
                .param("eventId", eventId(orderId, CarrierEventType.RETURNED))
                .update();
        if (revived == 0) {
            int next = events.stream().mapToInt(Queued::sequence).max().orElse(0) + 1;
            insert(orderId, events.get(0).trackingNumber(), CarrierEventType.RETURNED, next, returnDueAt);
        }
    }

    /**
     * The booking's row lock orders every change of several of its events (a first attempt, a
     * parking, a cancel) one after the other, always taken before any event's row.
     */
    private void lockBooking(String orderId) {
        jdbc.sql("SELECT idempotency_key FROM sim_carrier_booking WHERE idempotency_key = :key FOR UPDATE")
                .param("key", orderId)
                .query(String.class).list();
    }

    private void insert(String orderId, String trackingNumber, CarrierEventType type, int sequence, Instant dueAt) {
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

    /** Stable per order and type: the carrier reports each at most once, so a resend is a duplicate. */
    static String eventId(String orderId, CarrierEventType type) {
        return "evt-" + orderId + "-" + type.name().toLowerCase(Locale.ROOT);
    }

    private static String truncated(String error) {
        return error == null || error.length() <= 200 ? error : error.substring(0, 200);
    }

    /** One of a booking's events, as a cancel sees it. */
    private record Queued(CarrierEventType type, int sequence, String trackingNumber, boolean said) {

        static Queued of(ResultSet rs) throws SQLException {
            return new Queued(CarrierEventType.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3), rs.getBoolean(4));
        }
    }
}
