package io.orderflow.web.catalog;

/** The body of {@code PUT /products/{sku}}. */
public record ProductUpsert(String name, long priceCents, String currency, long available) {
}
