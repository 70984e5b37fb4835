package io.orderflow.web.catalog;

/** A product as the gateway's catalog describes it. */
public record Product(String sku, String name, long priceCents, String currency, long available) {
}
