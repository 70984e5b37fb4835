package io.orderflow.delivery;

/** Lifecycle of an order's shipment row. Stored as text (no database ENUM type). */
enum ShipmentState {
    /** Booked with the carrier; a repeat schedule returns the same tracking number. */
    SCHEDULED,
    /** Cancelled; a repeat cancel does nothing, a late schedule is refused. */
    CANCELLED,
    /** Cancelled before anything was scheduled; blocks a late duplicate schedule. */
    TOMBSTONE
}
