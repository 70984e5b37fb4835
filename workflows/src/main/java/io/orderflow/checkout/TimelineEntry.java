package io.orderflow.checkout;

import java.time.Instant;

/**
 * The moment the order entered a status (workflow time, so replay gives the same instant), or, with
 * {@code event} set, the moment a carrier event (or an operator's resolution) took effect while the
 * order was in that status ({@code event} is {@code null} on a status entry).
 */
public record TimelineEntry(
        OrderStatus status,
        Instant at,
        CarrierEventType event) {

    public TimelineEntry(OrderStatus status, Instant at) {
        this(status, at, null);
    }
}
