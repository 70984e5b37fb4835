package io.orderflow.web.catalog;

/** The body of {@code POST /products/{sku}/stock}: units to add or (negative) take, and why. */
public record StockChange(long delta, String reason) {
}
