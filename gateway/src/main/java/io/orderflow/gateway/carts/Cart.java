package io.orderflow.gateway.carts;

import io.orderflow.cart.CartStatus;
import java.time.Instant;
import java.util.List;

/**
 * A cart as the API serves it, priced with the catalog's current prices.
 *
 * @param subtotalCents the sum of the lines in {@code currency}; {@code null} when the lines are
 *     priced in more than one currency (such a cart cannot be checked out)
 * @param currency the lines' currency; {@code null} for an empty cart or mixed currencies
 * @param orderId the order the cart became; {@code null} until it is checked out
 * @param expiresAt when the cart expires if nothing changes it
 */
public record Cart(
        String cartId,
        String customerId,
        CartStatus status,
        List<PricedCartLine> lines,
        Long subtotalCents,
        String currency,
        String orderId,
        Instant expiresAt) {
}
