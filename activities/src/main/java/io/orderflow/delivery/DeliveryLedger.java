package io.orderflow.delivery;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** The delivery service's transactions (READ COMMITTED, as in the other ledgers). */
@Component
class DeliveryLedger {

    private final ShipmentRepository shipments;
    private final Carrier carrier;

    DeliveryLedger(ShipmentRepository shipments, Carrier carrier) {
        this.shipments = shipments;
        this.carrier = carrier;
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
     * Cancels once. The carrier is told to cancel even when nothing was recorded: a booking whose
     * bookkeeping was lost may exist, and cancelling an unknown key is a no-op at the carrier.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public void cancel(String orderId) {
        Optional<ShipmentRecord> found = shipments.findForUpdate(orderId);
        if (found.isEmpty()) {
            shipments.saveAndFlush(ShipmentRecord.tombstone(orderId, Instant.now()));
            carrier.cancel(orderId);
            return;
        }
        ShipmentRecord shipment = found.get();
        if (shipment.state() == ShipmentState.SCHEDULED) {
            carrier.cancel(orderId);
            shipment.cancelled(Instant.now());
        }
    }
}
