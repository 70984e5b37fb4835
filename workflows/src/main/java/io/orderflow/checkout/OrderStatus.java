package io.orderflow.checkout;

/**
 * Where an order is in the saga: {@code RECEIVED → RESERVING_STOCK → CHARGING_PAYMENT →
 * SCHEDULING_DELIVERY → SHIPPING → COMPLETED}; on failure, cancel, or a parcel lost or returned
 * {@code COMPENSATING → FAILED | CANCELLED}. {@code COMPLETED} means delivered. Orders started
 * before the carrier was tracked went straight from {@code SCHEDULING_DELIVERY} to
 * {@code COMPLETED}.
 */
public enum OrderStatus {
    RECEIVED,
    RESERVING_STOCK,
    CHARGING_PAYMENT,
    SCHEDULING_DELIVERY,
    /** Handed to the carrier; waits for it to report the parcel delivered, lost or returned. */
    SHIPPING,
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
