package io.orderflow.checkout;

/**
 * An operator's decision about an overdue delivery: what happened to the parcel ({@code DELIVERED},
 * {@code LOST} or {@code RETURNED}; never {@code PICKED_UP}) and an optional note for the timeline.
 */
public record DeliveryResolution(CarrierEventType outcome, String note) {
}
