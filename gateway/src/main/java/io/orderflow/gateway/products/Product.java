package io.orderflow.gateway.products;

/** A catalog entry as the stock service serves it; prices in minor units. */
public record Product(String sku, String name, Long priceCents, String currency, Integer available) {
}
