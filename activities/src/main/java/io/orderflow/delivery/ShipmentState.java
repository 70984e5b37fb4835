package io.orderflow.delivery;

/** Lifecycle of an order's shipment row. Stored as text (no database ENUM type). */
enum ShipmentState {
    /** Booked with the carrier; a repeat schedule returns the same tracking number. */
    SCHEDULED,
    /**
     * A cancel was decided and committed before the carrier is told, so no lock is held while it
     * answers. Any cancel that finds this state tells the carrier again (it cancels a key once) and
     * confirms; a late schedule is refused.
     */
    CANCELLING,
    /** Cancelled; a repeat cancel does nothing, a late schedule is refused. */
    CANCELLED,
    /** Cancelled before anything was scheduled; blocks a late duplicate schedule. */
    TOMBSTONE,
    /** The carrier lost the parcel (after it shipped); a repeat does nothing. */
    LOST,
    /** The parcel came back to the warehouse (after it shipped); a repeat does nothing. */
    RETURNED
}
