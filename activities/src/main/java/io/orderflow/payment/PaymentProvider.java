package io.orderflow.payment;

import io.orderflow.Money;

/**
 * The port to the payment provider. Both calls carry an idempotency key (the order id): the
 * provider charges or refunds a key at most once and answers a repeat with the first result, so a
 * retry after a lost reply is always safe.
 *
 * <p>A provider may take seconds to answer. While it waits it beats the caller's {@link Heartbeat}
 * and, when a beat throws (the attempt was cancelled or its worker is going away), gives up without
 * moving money and lets that exception propagate: the caller's key was then never charged or
 * refunded, and a later call with it starts afresh.
 */
public interface PaymentProvider {

    /**
     * Charges {@code amount} with {@code paymentToken}, or returns the earlier charge of this key.
     *
     * @return the provider's payment id
     * @throws PaymentRefusedException the provider refused for a business reason (do not retry)
     * @throws RuntimeException any other exception is transient: try again later (or, thrown by
     *     {@code heartbeat}, the attempt is over and nothing was charged)
     */
    String charge(String idempotencyKey, String customerId, Money amount, String paymentToken, Heartbeat heartbeat);

    /** Refunds the charge of this key in full; refunding it again does nothing. */
    void refund(String idempotencyKey, Heartbeat heartbeat);

    /** A charge by a caller with no attempt to report to. */
    default String charge(String idempotencyKey, String customerId, Money amount, String paymentToken) {
        return charge(idempotencyKey, customerId, amount, paymentToken, Heartbeat.NONE);
    }

    /** A refund by a caller with no attempt to report to. */
    default void refund(String idempotencyKey) {
        refund(idempotencyKey, Heartbeat.NONE);
    }
}
