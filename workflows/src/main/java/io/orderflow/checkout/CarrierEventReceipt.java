package io.orderflow.checkout;

/** What the workflow did with a carrier event: took it, or had seen its {@code eventId} before. */
public enum CarrierEventReceipt {
    ACCEPTED,
    DUPLICATE
}
