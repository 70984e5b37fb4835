package io.orderflow.web.catalog;

import java.util.List;

/** The gateway's answer to {@code GET /products}. */
record ProductList(List<Product> products) {
}
