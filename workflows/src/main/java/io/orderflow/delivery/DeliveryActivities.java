package io.orderflow.delivery;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The delivery service, hosted by the delivery worker on task queue {@code delivery}. Every method is
 * idempotent on the order id.
 */
@ActivityInterface(namePrefix = "Delivery")
public interface DeliveryActivities {

    /**
     * Books a shipment with the carrier; a repeat returns the same tracking number.
     *
     * @throws io.temporal.failure.ApplicationFailure non-retryable {@link DeliveryFailures#ADDRESS_UNSERVICEABLE}
     *     or {@link DeliveryFailures#SHIPMENT_CANCELLED}
     */
    @ActivityMethod
    Shipment schedule(ShipmentRequest request);

    /** Cancels the order's shipment, once; leaves a tombstone when nothing was scheduled. */
    @ActivityMethod
    void cancel(String orderId);

    /**
     * Records that the carrier lost the order's parcel; a repeat does nothing.
     *
     * @throws io.temporal.failure.ApplicationFailure non-retryable {@link DeliveryFailures#UNKNOWN_SHIPMENT}
     *     (no shipment was booked) or {@link DeliveryFailures#SHIPMENT_CLOSED} (it was cancelled or returned)
     */
    @ActivityMethod
    void markLost(String orderId);

    /**
     * Records that the order's parcel came back to the warehouse; a repeat does nothing.
     *
     * @throws io.temporal.failure.ApplicationFailure non-retryable {@link DeliveryFailures#UNKNOWN_SHIPMENT}
     *     or {@link DeliveryFailures#SHIPMENT_CLOSED} (it was cancelled or lost)
     */
    @ActivityMethod
    void markReturned(String orderId);
}
