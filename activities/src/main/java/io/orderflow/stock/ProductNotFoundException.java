package io.orderflow.stock;

/** No product with that SKU; the API answers 404. */
class ProductNotFoundException extends RuntimeException {

    ProductNotFoundException(String sku) {
        super("No product with SKU " + sku);
    }
}
