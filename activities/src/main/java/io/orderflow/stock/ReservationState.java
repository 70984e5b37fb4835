package io.orderflow.stock;

/** Lifecycle of an order's reservation row. Stored as text (no database ENUM type). */
enum ReservationState {
    /** The order holds the stock of its lines. */
    RESERVED,
    /** The stock was given back; a repeat release does nothing, a late reserve is refused. */
    RELEASED,
    /** Released before anything was reserved; blocks a late duplicate reserve. */
    TOMBSTONE,
    /**
     * The goods were delivered and came back (a returned parcel): given back once, like a release,
     * but after the order had shipped. A repeat restock does nothing.
     */
    RESTOCKED
}
