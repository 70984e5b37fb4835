package io.orderflow.checkout;

/**
 * Why an order failed or was cancelled. {@code code} is one of the failure-type constants of the
 * services ({@code OUT_OF_STOCK}, {@code PAYMENT_DECLINED}, …) or of {@link CheckoutFailures};
 * {@code step} is the status the order was in when it happened.
 */
public record OrderFailure(String code, String message, OrderStatus step) {
}
