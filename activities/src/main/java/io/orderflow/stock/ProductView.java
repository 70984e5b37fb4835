package io.orderflow.stock;

import java.util.List;

/**
 * A product as the catalog API shows it (and as the gateway proxies it). {@code available} is the
 * sum over {@code warehouses}; {@code etag} is the value of the {@code ETag} header a single
 * product is served with, so a client that read a list can still send {@code If-Match}.
 */
public record ProductView(String sku, String name, long priceCents, String currency, int available,
        List<WarehouseStock> warehouses, String etag) {

    static ProductView of(Product product) {
        return new ProductView(product.sku(), product.name(), product.priceCents(), product.currency(),
                product.available(), List.of(new WarehouseStock(Warehouses.ONLY, product.available())),
                product.etag());
    }
}
