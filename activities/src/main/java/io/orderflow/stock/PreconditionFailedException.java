package io.orderflow.stock;

/** A write's {@code If-Match} no longer names the product's current version; the API answers 412. */
class PreconditionFailedException extends RuntimeException {

    PreconditionFailedException(String sku) {
        super("Product " + sku + " changed since that version was read (or does not exist); nothing was written."
                + " Read it again and redo the change on what it is now.");
    }
}
