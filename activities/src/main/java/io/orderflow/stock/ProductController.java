package io.orderflow.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock service's catalog API, served on the stock worker's HTTP port and proxied by the
 * gateway under {@code /api/v1/products}. Errors are problem+json ({@link CatalogProblems}).
 */
@RestController
@RequestMapping("/products")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    ProductList list() {
        return new ProductList(catalog.all());
    }

    @GetMapping("/{sku}")
    ProductView get(@PathVariable @Size(min = 1, max = 64) @Pattern(regexp = SKU) String sku) {
        return catalog.find(sku).orElseThrow(() -> new ProductNotFoundException(sku));
    }

    @PutMapping("/{sku}")
    ProductView put(@PathVariable @Size(min = 1, max = 64) @Pattern(regexp = SKU) String sku,
            @Valid @RequestBody ProductUpdate update) {
        return catalog.upsert(sku, update);
    }

    private static final String SKU = "[A-Za-z0-9_-]+";
}
