package io.orderflow.payment;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * The payment service, hosted by the payment worker on task queue {@code payment}. Both methods
 * are idempotent on the order id: the provider is called with the order id as idempotency key, so
 * a retry after a lost reply never charges twice.
 */
@ActivityInterface(namePrefix = "Payment")
public interface PaymentActivities {

    /**
     * Charges the customer for the order.
     *
     * @throws io.temporal.failure.ApplicationFailure non-retryable {@link PaymentFailures#PAYMENT_DECLINED},
     *     {@link PaymentFailures#INSUFFICIENT_FUNDS} or {@link PaymentFailures#PAYMENT_REFUNDED}
     */
    @ActivityMethod
    PaymentReceipt charge(ChargeRequest request);

    /** Refunds the order's charge, once; leaves a tombstone when nothing was charged. */
    @ActivityMethod
    void refund(String orderId);
}
