package io.orderflow.checkout;

import java.util.List;

/**
 * What the {@code state()} query returns and the gateway serves as is: the order with its status,
 * priced items, references to payment and shipment, failure, what needs a person's attention (if
 * anything) and timeline. Fields not known yet are {@code null}.
 */
public record OrderView(
        String orderId,
        String customerId,
        OrderStatus status,
        List<OrderItemView> items,
        Long totalCents,
        String currency,
        String paymentId,
        String trackingNumber,
        OrderFailure failure,
        Attention attention,
        List<TimelineEntry> timeline) {
}
