package io.orderflow.cart;

import java.time.Duration;

/**
 * What a cart's run starts with: who owns it, its settings, and on a continued run the state the
 * previous run handed over ({@code null} on the first).
 *
 * @param idleExpiry how long the cart lives without a change before it expires
 * @param maxUpdatesPerRun after this many accepted updates the run continues as new, so the history
 *     stays small even if the server does not suggest it earlier
 */
public record CartInput(String cartId, String customerId, Duration idleExpiry, int maxUpdatesPerRun,
        CartView carried) {

    CartInput carrying(CartView state) {
        return new CartInput(cartId, customerId, idleExpiry, maxUpdatesPerRun, state);
    }
}
