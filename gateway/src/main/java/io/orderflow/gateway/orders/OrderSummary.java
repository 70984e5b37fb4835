package io.orderflow.gateway.orders;

import java.time.Instant;

/** One row of the order list, read from Temporal visibility (search attributes), not from a query. */
public record OrderSummary(String orderId, String customerId, String status, Long totalCents, Instant startedAt) {
}
