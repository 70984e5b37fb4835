package io.orderflow.checkout;

/**
 * Where an order is in the saga: {@code RECEIVED → RESERVING_STOCK → CHARGING_PAYMENT →
 * SCHEDULING_DELIVERY → COMPLETED}; on failure or cancel {@code COMPENSATING → FAILED | CANCELLED}.
 */
public enum OrderStatus {
    RECEIVED,
    RESERVING_STOCK,
    CHARGING_PAYMENT,
    SCHEDULING_DELIVERY,
    COMPENSATING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** A customer may cancel until delivery scheduling starts; after that the parcel may be on its way. */
    public boolean isCancellable() {
        return this == RECEIVED || this == RESERVING_STOCK || this == CHARGING_PAYMENT;
    }
}
