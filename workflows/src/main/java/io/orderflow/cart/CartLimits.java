package io.orderflow.cart;

/** The bounds of a cart, the same as an order's: at most 50 lines of at most 1000 units each. */
public final class CartLimits {

    public static final int MAX_LINES = 50;
    public static final int MAX_QUANTITY = 1000;

    private CartLimits() {
    }
}
