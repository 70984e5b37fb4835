package io.orderflow.checkout;

import java.util.List;

/**
 * The input of a checkout workflow. The gateway has validated it; the workflow trusts its shape
 * but not its business facts (stock, funds, serviceability), which the activities decide.
 */
public record CheckoutRequest(
        String orderId,
        String customerId,
        List<OrderLine> items,
        String paymentToken,
        ShippingAddress shippingAddress) {
}
