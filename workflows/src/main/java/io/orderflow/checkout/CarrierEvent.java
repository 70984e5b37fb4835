package io.orderflow.checkout;

import java.time.Instant;

/**
 * One event the carrier reported through the webhook. {@code eventId} is the carrier's own id:
 * the same event delivered twice has the same id and takes effect once. {@code at} is when the
 * carrier says it happened.
 */
public record CarrierEvent(String eventId, String trackingNumber, CarrierEventType type, Instant at) {
}
