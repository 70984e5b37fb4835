package io.orderflow.customer;

import java.util.List;

/**
 * A page of a customer's orders, newest first.
 *
 * @param next the position to ask for the next page with, {@code null} after the oldest order.
 *     Positions count orders from the customer's first, so a page stays put while new orders arrive
 *     and while older ones are sealed into pages.
 * @param sealedPage {@code null}, or the id of the page workflow that keeps the orders asked for:
 *     the list no longer holds them itself, so {@code orders} is empty and the reader reads that
 *     page's result ({@link SealedPage#before}); {@code next} is where that page begins
 *     ({@code null} for the oldest)
 */
public record PlacedOrderPage(List<PlacedOrder> orders, Long next, String sealedPage) {

    public PlacedOrderPage(List<PlacedOrder> orders, Long next) {
        this(orders, next, null);
    }
}
