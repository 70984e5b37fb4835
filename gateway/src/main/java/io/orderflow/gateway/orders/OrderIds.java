package io.orderflow.gateway.orders;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Order ids. Without an Idempotency-Key the gateway mints a random one. With a key, the id is
 * derived from the caller's subject and the key (a name-based UUID over SHA-256), so idempotency is
 * scoped per subject: the same key from two customers names two orders, and no customer can pick a
 * key that lands on another customer's order (that would take a SHA-256 collision).
 */
public final class OrderIds {

    private OrderIds() {
    }

    static String minted() {
        return UUID.randomUUID().toString();
    }

    /**
     * The id of the order a cart becomes: derived from the cart id, so a retried checkout names the
     * same order, and from its own namespace, so it never equals an id derived from a key.
     */
    public static String forCart(String cartId) {
        return nameBased("cart-order/v1", cartId);
    }

    static String forIdempotencyKey(String subject, String idempotencyKey) {
        return nameBased("order-id/v1", subject, idempotencyKey);
    }

    private static String nameBased(String... parts) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
        // Length-prefixed parts: ("ab", "c") and ("a", "bc") must not hash alike.
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest());
        long high = hash.getLong();
        long low = hash.getLong();
        // RFC 9562 layout of a name-based UUID: version 8 (custom hash), IETF variant.
        high = (high & 0xffffffffffff0fffL) | 0x0000000000008000L;
        low = (low & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
