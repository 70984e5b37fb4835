package io.orderflow.payment;

import io.orderflow.Money;

/** A successful charge; the same order always yields the same payment id. */
public record PaymentReceipt(String orderId, String paymentId, Money amount) {
}
