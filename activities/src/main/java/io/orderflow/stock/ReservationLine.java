package io.orderflow.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One reserved line, priced at reservation time (a later price change does not alter the order). */
@Embeddable
public class ReservationLine {

    @Column(name = "sku", nullable = false, length = 64)
    private String sku;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @Column(name = "unit_price_cents", nullable = false)
    private long unitPriceCents;

    protected ReservationLine() {
        // for JPA
    }

    ReservationLine(String sku, int quantity, long unitPriceCents) {
        this.sku = sku;
        this.quantity = quantity;
        this.unitPriceCents = unitPriceCents;
    }

    String sku() {
        return sku;
    }

    int quantity() {
        return quantity;
    }

    long unitPriceCents() {
        return unitPriceCents;
    }
}
