package io.orderflow.delivery;

import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery service's transactions (READ COMMITTED, as in the other ledgers), each short and
 * none calling the carrier, so no connection or row lock is held while the carrier answers.
 */
@Component
class DeliveryLedger {

    private final ShipmentRepository shipments;

    DeliveryLedger(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED, readOnly = true)
    public Optional<ShipmentRecord> find(String orderId) {
        return shipments.findById(orderId);
    }

    /** Records a booking; a duplicate key means another attempt got there first. */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Shipment recordBooking(String orderId, String trackingNumber, String country) {
        return shipments.saveAndFlush(ShipmentRecord.scheduled(orderId, trackingNumber, country, Instant.now()))
                .shipment();
    }

    /**
     * First half of a cancel: commits the decision before the carrier is told. A scheduled shipment
     * becomes {@code CANCELLING}; an order never scheduled gets its {@code TOMBSTONE}, which refuses
     * a late schedule. The row lock serialises concurrent cancels only for this short transaction.
     *
     * @return the row's state afterwards: {@code CANCELLING} or {@code TOMBSTONE} (the carrier must
     *     be told) or {@code CANCELLED} (nothing left to do)
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public ShipmentState beginCancel(String orderId) {
        Optional<ShipmentRecord> found = shipments.findForUpdate(orderId);
        if (found.isEmpty()) {
            return shipments.saveAndFlush(ShipmentRecord.tombstone(orderId, Instant.now())).state();
        }
        ShipmentRecord shipment = found.get();
        if (shipment.state() == ShipmentState.SCHEDULED) {
            shipment.cancelRequested(Instant.now());
        }
        return shipment.state();
    }

    /**
     * Records how a shipped parcel ended ({@code LOST} or {@code RETURNED}), once. A repeat with
     * the same outcome does nothing; an unknown order or a shipment that already ended otherwise
     * is a non-retryable mistake.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void recordEnd(String orderId, ShipmentState outcome) {
        ShipmentRecord shipment = shipments.findForUpdate(orderId)
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                        "No shipment was booked for order " + orderId, DeliveryFailures.UNKNOWN_SHIPMENT));
        if (shipment.state() == outcome) {
            return;
        }
        if (shipment.state() != ShipmentState.SCHEDULED) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "The shipment of order " + orderId + " is " + shipment.state() + " and cannot become " + outcome,
                    DeliveryFailures.SHIPMENT_CLOSED);
        }
        shipment.ended(outcome, Instant.now());
    }

    /** Second half: the carrier has cancelled, so a pending cancel is done (a no-op if another attempt confirmed it). */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void confirmCancel(String orderId) {
        shipments.findForUpdate(orderId)
                .filter(shipment -> shipment.state() == ShipmentState.CANCELLING)
                .ifPresent(shipment -> shipment.cancelled(Instant.now()));
    }
}
