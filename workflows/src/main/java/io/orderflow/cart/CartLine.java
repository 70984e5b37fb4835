package io.orderflow.cart;

/** One line of a cart: a SKU, how many, and the catalog's name and price when the line was set. */
public record CartLine(String sku, int quantity, String name, long unitPriceCents, String currency) {
}
