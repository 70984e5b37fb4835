package io.orderflow.checkout;

/**
 * What a carrier reports about a shipment. {@code PICKED_UP} only adds to the timeline; the other
 * three end the delivery: {@code DELIVERED} completes the order, {@code LOST} and {@code RETURNED}
 * refund it (a return also puts the goods back in stock).
 */
public enum CarrierEventType {
    PICKED_UP,
    DELIVERED,
    LOST,
    RETURNED;

    /** True for the events that end the delivery, one way or the other. */
    public boolean isArrival() {
        return this != PICKED_UP;
    }
}
