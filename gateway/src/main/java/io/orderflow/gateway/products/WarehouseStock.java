package io.orderflow.gateway.products;

/** The units of a product available in one warehouse. */
public record WarehouseStock(String warehouse, Integer available) {
}
