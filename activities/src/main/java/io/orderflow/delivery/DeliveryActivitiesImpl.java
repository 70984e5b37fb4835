package io.orderflow.delivery;

import io.orderflow.persistence.RowConflicts;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The delivery activities the delivery worker registers (bean name {@code deliveryActivities}).
 * Same shape as payment: look for the order's row, call the carrier (idempotency key = order id)
 * outside any transaction, record the booking in a short one, answer a lost race from the
 * winner's row. A cancel writes ahead like a refund: commit the decision ({@code CANCELLING}, or a
 * {@code TOMBSTONE}), tell the carrier with no transaction open, confirm.
 */
@Component("deliveryActivities")
public class DeliveryActivitiesImpl implements DeliveryActivities {

    private final DeliveryLedger ledger;
    private final Carrier carrier;

    public DeliveryActivitiesImpl(DeliveryLedger ledger, Carrier carrier) {
        this.ledger = ledger;
        this.carrier = carrier;
    }

    @Override
    public Shipment schedule(ShipmentRequest request) {
        return RowConflicts.retry(() -> scheduleOnce(request));
    }

    @Override
    public void cancel(String orderId) {
        ShipmentState decided = RowConflicts.retry(() -> ledger.beginCancel(orderId));
        if (decided == ShipmentState.CANCELLED) {
            return;
        }
        // Also for a tombstone: a booking whose reply or bookkeeping was lost may exist, and
        // cancelling an unknown key is a no-op at the carrier.
        carrier.cancel(orderId);
        if (decided == ShipmentState.CANCELLING) {
            ledger.confirmCancel(orderId);
        }
    }

    @Override
    public void markLost(String orderId) {
        RowConflicts.retry(() -> ledger.recordEnd(orderId, ShipmentState.LOST));
    }

    @Override
    public void markReturned(String orderId) {
        RowConflicts.retry(() -> ledger.recordEnd(orderId, ShipmentState.RETURNED));
    }

    private Shipment scheduleOnce(ShipmentRequest request) {
        String orderId = request.orderId();
        Optional<ShipmentRecord> existing = ledger.find(orderId);
        if (existing.isPresent()) {
            return answerRepeat(existing.get(), orderId);
        }
        String trackingNumber;
        try {
            trackingNumber = carrier.book(orderId, request.address(), request.lines());
        } catch (AddressUnserviceableException unserviceable) {
            throw ApplicationFailure.newNonRetryableFailure(unserviceable.getMessage(),
                    DeliveryFailures.ADDRESS_UNSERVICEABLE);
        }
        try {
            return ledger.recordBooking(orderId, trackingNumber, request.address().country());
        } catch (DataIntegrityViolationException lostRace) {
            ShipmentRecord winner = ledger.find(orderId).orElseThrow(() -> lostRace);
            if (winner.state() != ShipmentState.SCHEDULED) {
                // A cancel overtook this schedule: undo the booking we just made.
                carrier.cancel(orderId);
            }
            return answerRepeat(winner, orderId);
        }
    }

    private static Shipment answerRepeat(ShipmentRecord shipment, String orderId) {
        if (shipment.state() != ShipmentState.SCHEDULED) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "Order " + orderId + " was already cancelled; its shipment cannot be scheduled again",
                    DeliveryFailures.SHIPMENT_CANCELLED);
        }
        return shipment.shipment();
    }
}
