package io.orderflow.checkout;

/** One line of the order view; {@code unitPriceCents} is {@code null} until stock was reserved. */
public record OrderItemView(String sku, int quantity, Long unitPriceCents) {
}
