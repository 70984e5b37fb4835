package io.orderflow.customer;

import java.util.ArrayList;
import java.util.List;

/**
 * A full page of a customer's orders, sealed into a page workflow whose result it is: the list
 * forgets these orders once that workflow has closed, and a closed workflow's result is read
 * without any worker.
 *
 * @param listStart the list's first position (orders before it were let go by older code)
 * @param firstPosition the position of {@code orders}' first (oldest) order
 * @param orders oldest first
 */
public record SealedPage(String customerId, long listStart, long firstPosition, List<PlacedOrder> orders) {

    /**
     * Up to {@code size} of this page's orders placed before position {@code before}, newest first,
     * and the position to continue from ({@code null} when no older order exists anywhere).
     */
    public PlacedOrderPage before(long before, int size) {
        return slice(orders, listStart, firstPosition, before, size);
    }

    /** The same slice over any run of consecutive positions; the list reads its own orders with it. */
    static PlacedOrderPage slice(List<PlacedOrder> run, long listStart, long firstPosition, long before, int size) {
        long upTo = Math.min(before, firstPosition + run.size());
        long from = Math.max(firstPosition, upTo - Math.max(size, 0));
        List<PlacedOrder> page = new ArrayList<>();
        for (long position = upTo - 1; position >= from; position--) {
            page.add(run.get((int) (position - firstPosition)));
        }
        return new PlacedOrderPage(page, from > listStart ? from : null);
    }
}
