package io.orderflow.payment;

import io.orderflow.Money;

/** What to charge for an order: who, how much, with which payment token. */
public record ChargeRequest(String orderId, String customerId, Money amount, String paymentToken) {
}
