package io.orderflow.payment;

/** Lifecycle of an order's payment row. Stored as text (no database ENUM type). */
enum PaymentState {
    /** The customer was charged; a repeat charge returns the same receipt. */
    CHARGED,
    /**
     * A refund was decided and committed before the provider is asked, so no lock is held while it
     * answers. Any refund that finds this state asks the provider again (it refunds a key once) and
     * confirms; a late charge is refused.
     */
    REFUNDING,
    /** The charge was refunded; a repeat refund does nothing, a late charge is refused. */
    REFUNDED,
    /** Refunded before anything was charged; blocks a late duplicate charge. */
    TOMBSTONE
}
