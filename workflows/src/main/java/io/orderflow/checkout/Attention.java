package io.orderflow.checkout;

import java.time.Instant;

/**
 * Why an order needs a person: {@code reason} is {@link #DELIVERY_OVERDUE} or
 * {@link #COMPENSATION_FAILING}; {@code step} the status whose work is stuck; {@code since} when it
 * started to be stuck; {@code lastError} the last failure seen ({@code null} for an overdue delivery).
 */
public record Attention(String reason, OrderStatus step, Instant since, String lastError) {

    /** The delivery deadline passed without the carrier saying the parcel arrived, was lost or returned. */
    public static final String DELIVERY_OVERDUE = "DELIVERY_OVERDUE";
    /** A compensation has kept failing for longer than the alert threshold; it is still being retried. */
    public static final String COMPENSATION_FAILING = "COMPENSATION_FAILING";
}
