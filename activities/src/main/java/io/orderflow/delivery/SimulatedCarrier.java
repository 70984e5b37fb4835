package io.orderflow.delivery;

import io.orderflow.checkout.CarrierEventType;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The deterministic carrier of the simulated world: delivers to the configured countries, never to
 * {@code AQ}. After a booking it reports {@code PICKED_UP} then {@code DELIVERED} to our webhook
 * (after {@link CarrierEventsProperties#delay()}), unless the first address line says otherwise:
 * {@value CarrierScenarios#LOSE_ME} ends in {@code LOST}, {@value CarrierScenarios#RETURN_ME} in {@code RETURNED},
 * {@value CarrierScenarios#NEVER_ARRIVES} in silence. The events wait in its outbox table, written with the booking,
 * and {@link CarrierEventSender} posts them. A cancel takes back what was not yet reported; after the
 * pick-up was reported it reports {@code RETURNED} instead of the planned outcome. Tracking numbers are derived from the order id, so a repeat booking (even after a
 * restart) yields the same number.
 *
 * <p>It keeps its bookings where a real carrier would: apart from ours, and through a crash of our
 * worker. Its table ({@code sim_carrier_booking}, migration V2) sits in the delivery database only
 * because that is the durable store at hand; nothing else in the service touches it. A key is
 * booked at most once (the primary key) and cancelled at most once. Like any remote call it must
 * be made outside the caller's transaction.
 */
@Component
public class SimulatedCarrier implements Carrier {

    /** Antarctica: the documented, fixed way to trigger ADDRESS_UNSERVICEABLE. */
    public static final String NEVER_SERVICEABLE = "AQ";

    private final Set<String> serviceable;
    private final JdbcClient bookings;
    private final CarrierEventOutbox outbox;
    private final CarrierEventsProperties events;
    private final TransactionTemplate ownTransaction;

    public SimulatedCarrier(CarrierProperties settings, JdbcClient bookings, CarrierEventOutbox outbox,
            CarrierEventsProperties events, PlatformTransactionManager transactions) {
        this.serviceable = settings.serviceableCountries().stream()
                .map(country -> country.toUpperCase(Locale.ROOT))
                .filter(country -> !NEVER_SERVICEABLE.equals(country))
                .collect(Collectors.toUnmodifiableSet());
        this.bookings = bookings;
        this.outbox = outbox;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
    }

    @Override
    public String book(String idempotencyKey, ShippingAddress address, List<OrderLine> lines) {
        assertRemote();
        String country = address == null || address.country() == null ? "" : address.country().toUpperCase(Locale.ROOT);
        if (!serviceable.contains(country)) {
            throw new AddressUnserviceableException("The carrier does not deliver to country '" + country + "'");
        }
        try {
            // The carrier's own transaction: a booking and the events it promises stand or fall together.
            ownTransaction.executeWithoutResult(status -> {
                Instant now = Instant.now();
                String trackingNumber = trackingNumberFor(idempotencyKey);
                bookings.sql("""
                        INSERT INTO sim_carrier_booking (idempotency_key, tracking_number, country, booked_at)
                        VALUES (:key, :trackingNumber, :country, :now)""")
                        .param("key", idempotencyKey)
                        .param("trackingNumber", trackingNumber)
                        .param("country", country)
                        .param("now", Timestamp.from(now))
                        .update();
                if (events.enabled()) {
                    outbox.queue(idempotencyKey, trackingNumber, CarrierScenarios.eventsFor(address.line1()), now.plus(events.delay()));
                }
            });
        } catch (DuplicateKeyException repeat) {
            // Booked before under this key: the first booking stands.
        }
        return bookings.sql("SELECT tracking_number FROM sim_carrier_booking WHERE idempotency_key = ?")
                .param(idempotencyKey).query(String.class).single();
    }

    /**
     * Cancels the booking once. What was not yet reported is taken back; a parcel already reported
     * picked up is on a truck, so it is brought back instead of delivered: {@code RETURNED}, after
     * the usual delay. A repeated cancel finds the booking cancelled and changes nothing.
     */
    @Override
    public void cancel(String idempotencyKey) {
        assertRemote();
        ownTransaction.executeWithoutResult(status -> {
            Instant now = Instant.now();
            // Locks the booking row, which the sender also takes before it first posts an event.
            int cancelled = bookings.sql("""
                    UPDATE sim_carrier_booking SET cancelled_at = :now
                    WHERE idempotency_key = :key AND cancelled_at IS NULL""")
                    .param("key", idempotencyKey)
                    .param("now", Timestamp.from(now))
                    .update();
            if (cancelled == 1 && events.enabled()) {
                outbox.withdrawOnCancel(idempotencyKey, now, now.plus(events.delay()));
            }
        });
    }

    static String trackingNumberFor(String orderId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(orderId.getBytes(StandardCharsets.UTF_8));
            return "OF" + HexFormat.of().withUpperCase().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void assertRemote() {
        // A carrier is another system: it never joins our transaction. Refusing here makes every
        // test that goes through the carrier also check that no ledger calls it holding a row lock.
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The carrier is remote: call it outside any database transaction");
        }
    }
}
