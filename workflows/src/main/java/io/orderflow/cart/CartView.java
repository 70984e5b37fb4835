package io.orderflow.cart;

import java.time.Instant;
import java.util.List;

/**
 * What the {@code cart()} query returns: the cart with its lines as they were priced when last
 * set, its status, the order it became (once checked out) and when it expires if left alone.
 *
 * @param checkoutFingerprint the fingerprint of the checkout request that checked it out, so a
 *     repeated checkout can be told from a different one; {@code null} while open
 */
public record CartView(
        String cartId,
        String customerId,
        CartStatus status,
        List<CartLine> lines,
        String orderId,
        Instant expiresAt,
        String checkoutFingerprint) {
}
