package io.orderflow.gateway.products;

import java.util.List;

/**
 * A catalog entry as the stock service serves it; prices in minor units. {@code available} is the
 * sum over {@code warehouses}; {@code etag} is the product's {@code ETag}, also in the body so an
 * entry of the list can be sent back as {@code If-Match}.
 */
public record Product(String sku, String name, Long priceCents, String currency, Integer available,
        List<WarehouseStock> warehouses, String etag) {
}
