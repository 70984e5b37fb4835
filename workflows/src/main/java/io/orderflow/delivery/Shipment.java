package io.orderflow.delivery;

/** A booked shipment; the same order always yields the same tracking number. */
public record Shipment(String orderId, String trackingNumber) {
}
