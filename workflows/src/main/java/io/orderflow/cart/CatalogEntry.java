package io.orderflow.cart;

/** The catalog's answer for a SKU, as the caller of an update found it (prices in minor units). */
public record CatalogEntry(String sku, String name, long priceCents, String currency) {
}
