package io.orderflow.payment;

import io.orderflow.Money;

/**
 * The port to the payment provider. Both calls carry an idempotency key (the order id): the
 * provider charges or refunds a key at most once and answers a repeat with the first result, so a
 * retry after a lost reply is always safe.
 */
public interface PaymentProvider {

    /**
     * Charges {@code amount} with {@code paymentToken}, or returns the earlier charge of this key.
     *
     * @return the provider's payment id
     * @throws PaymentRefusedException the provider refused for a business reason (do not retry)
     * @throws RuntimeException any other exception is transient: try again later
     */
    String charge(String idempotencyKey, String customerId, Money amount, String paymentToken);

    /** Refunds the charge of this key in full; refunding it again does nothing. */
    void refund(String idempotencyKey);
}
