package io.orderflow.stock;

/**
 * Where stock is held. Until products are stocked per warehouse, each product has one stock pool,
 * reported as this warehouse so clients can already name it (and keep working when there are more).
 */
final class Warehouses {

    static final String ONLY = "WH-NORTH";

    private Warehouses() {
    }
}
