package io.orderflow.stock;

/** The units of a product available in one warehouse. */
public record WarehouseStock(String warehouse, int available) {
}
