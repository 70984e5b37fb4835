package io.orderflow.customer;

import java.time.Instant;

/** An order in a customer's list: its id and when the gateway accepted it. */
public record PlacedOrder(String orderId, Instant placedAt) {
}
