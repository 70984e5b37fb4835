package io.orderflow.stock;

/** A product as the catalog API shows it (and as the gateway proxies it). */
public record ProductView(String sku, String name, long priceCents, String currency, int available) {

    static ProductView of(Product product) {
        return new ProductView(product.sku(), product.name(), product.priceCents(), product.currency(),
                product.available());
    }
}
