package io.orderflow.delivery;

/** Non-retryable failure types of the delivery service. */
public final class DeliveryFailures {

    public static final String ADDRESS_UNSERVICEABLE = "ADDRESS_UNSERVICEABLE";
    /** The order's shipment was already cancelled (tombstone); a late schedule must not book one. */
    public static final String SHIPMENT_CANCELLED = "SHIPMENT_CANCELLED";

    /** No shipment was ever booked for the order, so it cannot be marked lost or returned. */
    public static final String UNKNOWN_SHIPMENT = "UNKNOWN_SHIPMENT";
    /** The shipment already ended another way (cancelled, lost, returned) and cannot end this way. */
    public static final String SHIPMENT_CLOSED = "SHIPMENT_CLOSED";

    private DeliveryFailures() {
    }
}
