package io.orderflow.web.catalog;

import java.util.List;
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

    /** Needs {@code catalog:write}. */
    public Product save(String sku, ProductUpsert product) {
        return gateway.put().uri("/api/v1/products/{sku}", sku)
                .contentType(MediaType.APPLICATION_JSON)
                .body(product)
                .retrieve()
                .body(Product.class);
    }
}
