package io.orderflow.cart;

/** Failure types of the cart's update validators, shared with the gateway that maps them. */
public final class CartFailures {

    /** The SKU is not in the catalog. */
    public static final String UNKNOWN_SKU = "UNKNOWN_SKU";
    /** A new line would make more than {@value CartLimits#MAX_LINES} lines. */
    public static final String CART_FULL = "CART_FULL";
    /** The cart is checked out or expired and takes no more changes. */
    public static final String CART_NOT_OPEN = "CART_NOT_OPEN";
    /** A cart without lines cannot be checked out. */
    public static final String CART_EMPTY = "CART_EMPTY";
    /** A quantity outside 0–{@value CartLimits#MAX_QUANTITY}, or a change without a SKU. */
    public static final String INVALID_QUANTITY = "INVALID_QUANTITY";

    /** A checkout without order id, fingerprint, payment token or address (the gateway always sends them). */
    public static final String INVALID_CHECKOUT = "INVALID_CHECKOUT";

    private CartFailures() {
    }
}
