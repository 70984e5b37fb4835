package io.orderflow.web.orders;

import java.time.Instant;

/** One line of an order list ({@code GET /orders}). */
public record OrderSummary(String orderId, String customerId, String status, Long totalCents, Instant startedAt) {
}
