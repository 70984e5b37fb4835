package io.orderflow.gateway.carts;

/** A cart line with the product's current name and unit price (minor units). */
public record PricedCartLine(String sku, String name, int quantity, long unitPriceCents) {
}
