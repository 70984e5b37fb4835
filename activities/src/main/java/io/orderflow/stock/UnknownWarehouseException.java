package io.orderflow.stock;

/** A stock change names a warehouse the product is not stocked in; the API answers 422. */
class UnknownWarehouseException extends RuntimeException {

    UnknownWarehouseException(String sku) {
        super("Product " + sku + " is stocked only in warehouse " + Warehouses.ONLY + ".");
    }
}
