package io.orderflow.stock;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A catalog entry with its price and the units still available to reserve. {@code available} is
 * only ever decremented by a conditional update (see {@link ProductRepository#take}), so it never
 * goes below zero whatever the concurrency.
 */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @Column(name = "sku", length = 64)
    private String sku;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "price_cents", nullable = false)
    private long priceCents;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "available", nullable = false)
    private int available;

    /** Bumped by every stock movement too, so an admin upsert never overwrites a reservation. */
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Product() {
        // for JPA
    }

    public Product(String sku, String name, long priceCents, String currency, int available) {
        this.sku = sku;
        change(name, priceCents, currency, available);
    }

    /** The admin's view of the product replaces name, price and stock level at once. */
    public void change(String name, long priceCents, String currency, int available) {
        this.name = name;
        this.priceCents = priceCents;
        this.currency = currency;
        this.available = available;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public long priceCents() {
        return priceCents;
    }

    public String currency() {
        return currency;
    }

    public int available() {
        return available;
    }

    /**
     * A strong validator of everything the API shows of the product: the version grows with every
     * write, admin upserts and stock movements alike, so it changes whenever the product does.
     */
    public String etag() {
        return "\"" + version + "\"";
    }
}
