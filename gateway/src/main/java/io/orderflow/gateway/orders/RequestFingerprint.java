package io.orderflow.gateway.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * SHA-256 of a canonical form of a validated order request, kept in the workflow memo under
 * {@value #MEMO_KEY}. Same meaning gives the same fingerprint whatever the JSON looked like
 * (property order, whitespace, item order), so only a genuinely different body is a {@code 422}.
 *
 * <p>Why an unkeyed hash is safe here: the memo is a payload like any other, so the payload codec
 * encrypts it before it reaches Temporal (history and visibility store alike). In clear it would
 * not be: payment tokens come from a small space, and whoever knew the other fields could hash
 * every candidate until one matched. Whoever holds the key can decrypt the order's input, which
 * holds the token itself, so the fingerprint tells them nothing more. An HMAC would add a second
 * secret to manage and, by changing the fingerprint, turn the retry of an order placed before the
 * change into a false "key reused".
 */
final class RequestFingerprint {

    static final String MEMO_KEY = "requestFingerprint";

    private RequestFingerprint() {
    }

    static String of(PlaceOrderRequest request) {
        StringBuilder canonical = new StringBuilder("v1");
        field(canonical, request.customerId());
        request.items().stream()
                .sorted(Comparator.comparing(PlaceOrderRequest.Item::sku))
                .forEach(item -> {
                    field(canonical, item.sku());
                    field(canonical, item.quantity().toString());
                });
        field(canonical, request.payment().token());
        PlaceOrderRequest.Address address = request.shippingAddress();
        field(canonical, address.name());
        field(canonical, address.line1());
        field(canonical, address.city());
        field(canonical, address.postalCode());
        field(canonical, address.country());
        return sha256(canonical.toString());
    }

    /** Length-prefixed, so no choice of field contents can make two different requests collide. */
    private static void field(StringBuilder canonical, String value) {
        canonical.append('|').append(value.length()).append(':').append(value);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
