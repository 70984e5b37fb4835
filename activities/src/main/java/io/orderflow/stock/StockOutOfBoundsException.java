package io.orderflow.stock;

/**
 * A stock change would take the available units below zero or past the catalog's bound; nothing
 * changed, and the API answers 409 (the same change may fit the stock of another moment).
 */
class StockOutOfBoundsException extends RuntimeException {

    private final boolean belowZero;

    private StockOutOfBoundsException(boolean belowZero, String message) {
        super(message);
        this.belowZero = belowZero;
    }

    static StockOutOfBoundsException belowZero(String sku, int available, int delta) {
        return new StockOutOfBoundsException(true, "Product " + sku + " has " + available
                + " available; a change of " + delta + " would take it below zero. Nothing changed.");
    }

    static StockOutOfBoundsException pastTheLimit(String sku, int available, int delta) {
        return new StockOutOfBoundsException(false, "Product " + sku + " has " + available
                + " available; a change of +" + delta + " would take it past " + StockChange.MAX_AVAILABLE
                + ". Nothing changed.");
    }

    boolean belowZero() {
        return belowZero;
    }
}
