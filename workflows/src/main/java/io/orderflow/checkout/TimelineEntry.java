package io.orderflow.checkout;

import java.time.Instant;

/** The moment the order entered a status (workflow time, so replay gives the same instant). */
public record TimelineEntry(OrderStatus status, Instant at) {
}
