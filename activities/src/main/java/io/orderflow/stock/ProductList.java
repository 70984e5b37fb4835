package io.orderflow.stock;

import java.util.List;

/** Body of {@code GET /products}: an object, not a bare array, so fields can be added later. */
public record ProductList(List<ProductView> products) {
}
