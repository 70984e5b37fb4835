package io.orderflow.web.catalog;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The catalog through the gateway: {@code /api/v1/products}. */
@Component
public class CatalogClient {

    private final RestClient gateway;

    CatalogClient(RestClient gatewayClient) {
        this.gateway = gatewayClient;
    }

    public List<Product> products() {
        ProductList list = gateway.get().uri("/api/v1/products").retrieve().body(ProductList.class);
        return list == null ? List.of() : list.products();
    }

    public Product product(String sku) {
        return gateway.get().uri("/api/v1/products/{sku}", sku).retrieve().body(Product.class);
    }

    /**
     * Needs {@code catalog:write}. {@code etag} is the version the edit was made from: the gateway
     * refuses it with 412 when the product changed since, rather than undo that change.
     */
    public Product save(String sku, ProductUpsert product, String etag) {
        return gateway.put().uri("/api/v1/products/{sku}", sku)
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, etag)
                .body(product)
                .retrieve()
                .body(Product.class);
    }

    /** Needs {@code catalog:write}. Adds to (or takes from) whatever the stock is when it arrives. */
    public Product changeStock(String sku, StockChange change) {
        return gateway.post().uri("/api/v1/products/{sku}/stock", sku)
                .contentType(MediaType.APPLICATION_JSON)
                .body(change)
                .retrieve()
                .body(Product.class);
    }
}
