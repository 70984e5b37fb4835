package io.orderflow.gateway.products;

import java.util.List;

public record ProductList(List<Product> products) {
}
