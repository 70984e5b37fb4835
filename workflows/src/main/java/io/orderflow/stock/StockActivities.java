package io.orderflow.stock;

import io.orderflow.checkout.OrderLine;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/**
 * The stock service, hosted by the stock worker on task queue {@code stock}. Every method is
 * idempotent on the order id.
 */
@ActivityInterface(namePrefix = "Stock")
public interface StockActivities {

    /**
     * Prices the lines from the catalog and takes the stock, all or nothing. A repeat for the same
     * order returns the same reservation.
     *
     * @throws io.temporal.failure.ApplicationFailure non-retryable {@link StockFailures#OUT_OF_STOCK},
     *     {@link StockFailures#UNKNOWN_SKU}, {@link StockFailures#MIXED_CURRENCY},
     *     {@link StockFailures#RESERVATION_RELEASED} (the order was already released) or
     *     {@link StockFailures#INVALID_ORDER_LINES} (no lines, a quantity below one, or a total too
     *     large to count exactly)
     */
    @ActivityMethod
    StockReservation reserve(String orderId, List<OrderLine> lines);

    /**
     * Gives the order's stock back, once. For an order that never reserved it leaves a tombstone so
     * a late duplicate {@link #reserve} is refused.
     */
    @ActivityMethod
    void release(String orderId);

    /**
     * Puts the goods of a delivered-then-returned order back on the shelf, once; a repeat does
     * nothing.
     *
     * @throws io.temporal.failure.ApplicationFailure non-retryable {@link StockFailures#NOTHING_TO_RESTOCK}
     *     when the order holds no reservation (never reserved, or released)
     */
    @ActivityMethod
    void restock(String orderId);
}
