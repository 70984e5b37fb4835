package io.orderflow.checkout;

/**
 * Who cancelled an order: its customer, or an operator (through the API with {@code orders:admin}
 * for someone else's order, or by cancelling the workflow execution in the Temporal Web UI or CLI).
 * The order's failure code tells them apart: {@code CANCELLED_BY_CUSTOMER} or {@code CANCELLED_BY_OPERATOR}.
 */
public enum CancelledBy {
    CUSTOMER,
    OPERATOR
}
