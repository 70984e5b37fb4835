package io.orderflow.cart;

/** A cart is {@code OPEN} until it is checked out or expires; both are final. */
public enum CartStatus {
    OPEN,
    CHECKED_OUT,
    EXPIRED
}
