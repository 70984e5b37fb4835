package io.orderflow.stock;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and sets the catalog for the HTTP API. */
@Service
class ProductCatalog {

    private final ProductRepository products;

    ProductCatalog(ProductRepository products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    public List<ProductView> all() {
        return products.findAllByOrderBySkuAsc().stream().map(ProductView::of).toList();
    }

    @Transactional(readOnly = true)
    public Optional<ProductView> find(String sku) {
        return products.findById(sku).map(ProductView::of);
    }

    /**
     * Creates or replaces the product. The entity's version makes a concurrent reservation and this
     * write conflict (409) instead of one silently undoing the other.
     */
    @Transactional
    public ProductView upsert(String sku, ProductUpdate update) {
        Product product = products.findById(sku)
                .orElseGet(() -> new Product(sku, update.name(), update.priceCents(), update.currency(),
                        update.available()));
        product.change(update.name(), update.priceCents(), update.currency(), update.available());
        return ProductView.of(products.saveAndFlush(product));
    }
}
