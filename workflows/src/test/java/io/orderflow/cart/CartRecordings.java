package io.orderflow.cart;

import io.orderflow.testing.CheckoutTestEnvironment;

/** Cart set-ups that tests outside this package need (the checkout's recorder starts an order from a cart). */
public final class CartRecordings {

    private CartRecordings() {
    }

    /** A cart with one known line, checked out into {@code orderId}. */
    public static CartWorkflow checkedOut(CheckoutTestEnvironment env, String cartId, String orderId) {
        CartWorkflow cart = Carts.start(env, cartId);
        cart.setLine(Carts.known("MUG-RED", 2));
        cart.checkout(Carts.checkout(orderId));
        return cart;
    }
}
