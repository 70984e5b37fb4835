package io.orderflow.delivery;

/** Non-retryable failure types of the delivery service. */
public final class DeliveryFailures {

    public static final String ADDRESS_UNSERVICEABLE = "ADDRESS_UNSERVICEABLE";
    /** The order's shipment was already cancelled (tombstone); a late schedule must not book one. */
    public static final String SHIPMENT_CANCELLED = "SHIPMENT_CANCELLED";

    private DeliveryFailures() {
    }
}
