package io.orderflow.delivery;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The delivery service, hosted by the delivery worker on task queue {@code delivery}. Both methods
 * are idempotent on the order id.
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
}
