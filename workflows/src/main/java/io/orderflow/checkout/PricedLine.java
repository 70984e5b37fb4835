package io.orderflow.checkout;

/** An order line priced from the catalog at reservation time (minor units of the order currency). */
public record PricedLine(String sku, int quantity, long unitPriceCents) {

    /** Exact: a total too large for a {@code long} is an {@link ArithmeticException}, never a wrapped amount. */
    public long lineTotalCents() {
        return Math.multiplyExact(unitPriceCents, (long) quantity);
    }
}
