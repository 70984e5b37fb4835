package io.orderflow.checkout;

/** One line of an order as the customer asked for it: a SKU and how many. */
public record OrderLine(String sku, int quantity) {
}
