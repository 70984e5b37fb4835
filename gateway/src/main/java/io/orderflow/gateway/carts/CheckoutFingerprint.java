package io.orderflow.gateway.carts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a length-prefixed canonical form of a cart checkout (the cart, payment token and
 * address). The cart keeps it, so a repeated checkout with the same body returns the same order
 * while a different one is refused; the order keeps it in its memo like every order. It is
 * encrypted with the payload like the memo of any order (see the orders' request fingerprint for
 * why an unkeyed hash is safe there).
 */
final class CheckoutFingerprint {

    private CheckoutFingerprint() {
    }

    static String of(String cartId, CheckoutCartRequest request) {
        StringBuilder canonical = new StringBuilder("cart-checkout/v1");
        for (String field : new String[] {cartId, request.payment().token(), request.shippingAddress().name(),
                request.shippingAddress().line1(), request.shippingAddress().city(),
                request.shippingAddress().postalCode(), request.shippingAddress().country()}) {
            canonical.append('|').append(field.length()).append(':').append(field);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
