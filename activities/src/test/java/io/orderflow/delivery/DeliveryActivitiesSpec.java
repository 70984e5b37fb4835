package io.orderflow.delivery;

import static io.orderflow.testing.BusinessFailures.assertRefusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the delivery activities promise, run against each database the services use. What the
 * carrier really holds is read from the simulated carrier's own table, per order.
 */
abstract class DeliveryActivitiesSpec {

    @Autowired
    @Qualifier("deliveryActivities")
    DeliveryActivities delivery;

    @Autowired
    SimulatedCarrier carrier;

    @Autowired
    DeliveryLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    CarrierBooks books;

    @BeforeEach
    void readTheCarriersBooks() {
        books = new CarrierBooks(jdbc);
    }

    @Test
    void schedulesAShipmentWithATrackingNumberDerivedFromTheOrder() {
        ShipmentRequest request = request("GB");

        Shipment shipment = delivery.schedule(request);

        assertThat(shipment.orderId()).isEqualTo(request.orderId());
        assertThat(shipment.trackingNumber()).isEqualTo(SimulatedCarrier.trackingNumberFor(request.orderId()))
                .matches("OF[0-9A-F]{12}");
        assertThat(books.liveBookings(request.orderId())).isEqualTo(1);
        assertThat(books.trackingNumber(request.orderId())).isEqualTo(shipment.trackingNumber());
        assertThat(state(request.orderId())).isEqualTo("SCHEDULED");
    }

    @Test
    void aRepeatedScheduleReturnsTheSameShipment() {
        ShipmentRequest request = request("DE");

        Shipment first = delivery.schedule(request);
        Shipment repeat = delivery.schedule(request);

        assertThat(repeat).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE order_id = ?", Integer.class,
                request.orderId())).isEqualTo(1);
        assertThat(books.bookings(request.orderId())).isEqualTo(1);
    }

    @Test
    void theCarrierBooksAndCancelsAnOrderOnceHoweverOftenItIsAsked() {
        // Asked directly: the activities answer a repeat from our own row and never reach the carrier.
        ShipmentRequest request = request("FR");

        String first = carrier.book(request.orderId(), request.address(), request.lines());
        String repeat = carrier.book(request.orderId(), request.address(), request.lines());
        carrier.cancel(request.orderId());
        carrier.cancel(request.orderId());

        assertThat(repeat).isEqualTo(first);
        assertThat(books.bookings(request.orderId())).isEqualTo(1);
        assertThat(books.liveBookings(request.orderId())).isZero();
    }

    @Test
    void theCarrierRefusesACallFromInsideADatabaseTransaction() {
        // Every other test relies on this refusal to show that no ledger calls the carrier with a
        // transaction (and so a pooled connection and possibly a row lock) open.
        ShipmentRequest request = request("FR");

        assertThatThrownBy(() -> transactions.executeWithoutResult(
                status -> carrier.book(request.orderId(), request.address(), request.lines())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> carrier.cancel(request.orderId())))
                .isInstanceOf(IllegalStateException.class);
        assertThat(books.bookings(request.orderId())).isZero();
    }

    @Test
    void cancelCancelsTheShipmentWithTheCarrier() {
        ShipmentRequest request = request("FR");
        delivery.schedule(request);

        delivery.cancel(request.orderId());

        assertThat(books.liveBookings(request.orderId())).isZero();
        assertThat(state(request.orderId())).isEqualTo("CANCELLED");
    }

    @Test
    void cancellingTwiceIsHarmless() {
        ShipmentRequest request = request("NL");
        delivery.schedule(request);

        delivery.cancel(request.orderId());
        delivery.cancel(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("CANCELLED");
        assertThat(books.liveBookings(request.orderId())).isZero();
    }

    @Test
    void aCancelCutOffBeforeTheCarrierWasToldIsFinishedByItsRetry() {
        ShipmentRequest request = request("GB");
        delivery.schedule(request);
        // The worker dies right after committing the decision, before the carrier hears of it.
        ledger.beginCancel(request.orderId());
        assertThat(state(request.orderId())).isEqualTo("CANCELLING");
        assertThat(books.liveBookings(request.orderId())).isEqualTo(1);

        delivery.cancel(request.orderId());

        assertThat(books.liveBookings(request.orderId())).isZero();
        assertThat(state(request.orderId())).isEqualTo("CANCELLED");
    }

    @Test
    void aScheduleWhileItsCancelIsPendingIsRefused() {
        ShipmentRequest request = request("GB");
        delivery.schedule(request);
        ledger.beginCancel(request.orderId());

        assertRefusedWith(DeliveryFailures.SHIPMENT_CANCELLED, () -> delivery.schedule(request));
    }

    @Test
    void cancelBeforeScheduleLeavesATombstoneThatRefusesTheLateSchedule() {
        ShipmentRequest request = request("US");

        delivery.cancel(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("TOMBSTONE");
        assertRefusedWith(DeliveryFailures.SHIPMENT_CANCELLED, () -> delivery.schedule(request));
        assertThat(books.liveBookings(request.orderId())).isZero();
    }

    @Test
    void aBookingWhoseBookkeepingWasLostIsCancelledByTheCompensation() {
        // The carrier booked, but the worker died before our row was written.
        ShipmentRequest request = request("DE");
        carrier.book(request.orderId(), request.address(), request.lines());

        delivery.cancel(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("TOMBSTONE");
        assertThat(books.bookings(request.orderId())).isEqualTo(1);
        assertThat(books.liveBookings(request.orderId())).as("the orphaned booking is cancelled").isZero();
    }

    @Test
    void antarcticaIsNeverServiceable() {
        ShipmentRequest request = request("AQ");

        assertRefusedWith(DeliveryFailures.ADDRESS_UNSERVICEABLE, () -> delivery.schedule(request));
        assertThat(state(request.orderId())).isNull();
        assertThat(books.bookings(request.orderId())).isZero();
    }

    @Test
    void aCountryOutsideTheConfiguredSetIsUnserviceable() {
        // The subclasses configure GB, DE, FR, NL, US (and AQ, which stays unserviceable).
        ShipmentRequest request = request("JP");

        assertRefusedWith(DeliveryFailures.ADDRESS_UNSERVICEABLE, () -> delivery.schedule(request));
        assertThat(books.bookings(request.orderId())).isZero();
    }

    @Test
    void aShipmentIsMarkedLostOnceAndThenCannotBeReturned() {
        ShipmentRequest request = request("GB");
        delivery.schedule(request);

        delivery.markLost(request.orderId());
        delivery.markLost(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("LOST");
        assertRefusedWith(DeliveryFailures.SHIPMENT_CLOSED, () -> delivery.markReturned(request.orderId()));
        assertThat(state(request.orderId())).isEqualTo("LOST");
    }

    @Test
    void aShipmentIsMarkedReturnedOnce() {
        ShipmentRequest request = request("GB");
        delivery.schedule(request);

        delivery.markReturned(request.orderId());
        delivery.markReturned(request.orderId());

        assertThat(state(request.orderId())).isEqualTo("RETURNED");
    }

    @Test
    void onlyABookedShipmentCanBeMarkedLostOrReturned() {
        ShipmentRequest cancelled = request("GB");
        delivery.schedule(cancelled);
        delivery.cancel(cancelled.orderId());

        assertRefusedWith(DeliveryFailures.UNKNOWN_SHIPMENT, () -> delivery.markLost("order-" + UUID.randomUUID()));
        assertRefusedWith(DeliveryFailures.UNKNOWN_SHIPMENT, () -> delivery.markReturned("order-" + UUID.randomUUID()));
        assertRefusedWith(DeliveryFailures.SHIPMENT_CLOSED, () -> delivery.markLost(cancelled.orderId()));
        assertThat(state(cancelled.orderId())).isEqualTo("CANCELLED");
    }

    static final String SERVICEABLE = "orderflow.delivery.carrier.serviceable-countries=GB,DE,FR,NL,US,AQ";

    ShipmentRequest request(String country) {
        return new ShipmentRequest("order-" + UUID.randomUUID(),
                new ShippingAddress("Ada Lovelace", "12 Main St", "London", "N1 9GU", country),
                List.of(new OrderLine("MUG-RED", 2)));
    }

    String state(String orderId) {
        return jdbc.query("SELECT state FROM shipment WHERE order_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, orderId);
    }
}
