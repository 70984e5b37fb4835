package io.orderflow.customer;

import java.util.List;

/**
 * A page of a customer's orders, newest first.
 *
 * @param next the position to ask for the next page with, {@code null} after the oldest order.
 *     Positions count orders from the customer's first, so a page stays put while new orders arrive.
 */
public record PlacedOrderPage(List<PlacedOrder> orders, Long next) {
}
