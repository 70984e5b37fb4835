package io.orderflow.cart;

import io.orderflow.checkout.ShippingAddress;

/**
 * The argument of the {@code checkout} Update: everything the order needs beyond the cart's lines.
 *
 * @param orderId the id of the order to start, chosen by the caller (the gateway derives it from
 *     the cart id, so a retried checkout names the same order)
 * @param fingerprint what identifies this checkout request; kept on the cart, so a repeated
 *     checkout can be told from a different one, and in the order's memo under
 *     {@value #FINGERPRINT_MEMO_KEY}, as for every order the gateway starts
 */
public record CartCheckout(String orderId, String paymentToken, ShippingAddress shippingAddress, String fingerprint) {

    /** The memo key of the request fingerprint on every order (the gateway writes the same key). */
    public static final String FINGERPRINT_MEMO_KEY = "requestFingerprint";
}
