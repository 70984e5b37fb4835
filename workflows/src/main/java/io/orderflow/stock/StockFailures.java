package io.orderflow.stock;

/** Non-retryable failure types of the stock service, shared by activities, workflow and gateway. */
public final class StockFailures {

    /** A line asks for more than is available; the message names the SKU. */
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    /** A line names a SKU the catalog does not have. */
    public static final String UNKNOWN_SKU = "UNKNOWN_SKU";
    /** The lines are priced in more than one currency; an order has one currency. */
    public static final String MIXED_CURRENCY = "MIXED_CURRENCY";
    /** The order was already released (tombstone); a late reserve must not take stock. */
    public static final String RESERVATION_RELEASED = "RESERVATION_RELEASED";
    /**
     * A line with a quantity below one or no SKU (the gateway validates; a negative take would add
     * stock), or a total too large to count exactly in minor units.
     */
    public static final String INVALID_ORDER_LINES = "INVALID_ORDER_LINES";

    /** A restock for an order that holds no reserved goods (unknown, released or never reserved). */
    public static final String NOTHING_TO_RESTOCK = "NOTHING_TO_RESTOCK";

    private StockFailures() {
    }
}
