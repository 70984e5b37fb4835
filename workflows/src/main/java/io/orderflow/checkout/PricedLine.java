package io.orderflow.checkout;

/** An order line priced from the catalog at reservation time (minor units of the order currency). */
public record PricedLine(String sku, int quantity, long unitPriceCents) {

    public long lineTotalCents() {
        return unitPriceCents * quantity;
    }
}
