package io.orderflow.payment;

/** Non-retryable failure types of the payment service. */
public final class PaymentFailures {

    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    public static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";
    /** The order was already refunded (tombstone); a late charge must not take money. */
    public static final String PAYMENT_REFUNDED = "PAYMENT_REFUNDED";

    private PaymentFailures() {
    }
}
