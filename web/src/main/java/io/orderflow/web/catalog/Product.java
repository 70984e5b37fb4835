package io.orderflow.web.catalog;

/**
 * A product as the gateway's catalog describes it. {@code etag} names this version of it: an edit
 * made from it is sent with it as {@code If-Match}, so it never undoes what changed since.
 */
public record Product(String sku, String name, long priceCents, String currency, long available, String etag) {
}
