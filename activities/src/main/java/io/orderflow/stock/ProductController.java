package io.orderflow.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stock service's catalog API, served on the stock worker's HTTP port and proxied by the
 * gateway under {@code /api/v1/products}. A single product comes with its {@code ETag}; errors are
 * problem+json ({@link CatalogProblems}).
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
    ResponseEntity<ProductView> get(@PathVariable @Size(min = 1, max = 64) @Pattern(regexp = SKU) String sku) {
        return withETag(catalog.find(sku).orElseThrow(() -> new ProductNotFoundException(sku)));
    }

    /** {@code If-Match} optional: without it the product is replaced whatever its version. */
    @PutMapping("/{sku}")
    ResponseEntity<ProductView> put(@PathVariable @Size(min = 1, max = 64) @Pattern(regexp = SKU) String sku,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ProductUpdate update) {
        return withETag(catalog.upsert(sku, update, Optional.ofNullable(ifMatch)));
    }

    @PostMapping("/{sku}/stock")
    ResponseEntity<ProductView> changeStock(
            @PathVariable @Size(min = 1, max = 64) @Pattern(regexp = SKU) String sku,
            @Valid @RequestBody StockChange change) {
        return withETag(catalog.changeStock(sku, change));
    }

    private static ResponseEntity<ProductView> withETag(ProductView product) {
        return ResponseEntity.ok().eTag(product.etag()).body(product);
    }

    private static final String SKU = "[A-Za-z0-9_-]+";
}
