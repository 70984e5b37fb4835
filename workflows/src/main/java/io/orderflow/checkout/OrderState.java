package io.orderflow.checkout;

import io.orderflow.delivery.Shipment;
import io.orderflow.payment.PaymentReceipt;
import io.orderflow.stock.StockReservation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one mutable object behind the {@code state()} query: status, timeline, priced items, payment
 * and shipment references, failure, attention. Only the workflow thread mutates it; {@link #view()} hands out
 * an immutable snapshot.
 */
final class OrderState {

    private final String orderId;
    private final String customerId;
    private final List<OrderItemView> items = new ArrayList<>();
    private final List<TimelineEntry> timeline = new ArrayList<>();
    private OrderStatus status;
    private Long totalCents;
    private String currency;
    private String paymentId;
    private String trackingNumber;
    private OrderFailure failure;
    private Attention attention;

    OrderState(CheckoutRequest request, Instant receivedAt) {
        this.orderId = request.orderId();
        this.customerId = request.customerId();
        request.items().forEach(line -> items.add(new OrderItemView(line.sku(), line.quantity(), null)));
        enter(OrderStatus.RECEIVED, receivedAt);
    }

    void enter(OrderStatus next, Instant at) {
        status = next;
        timeline.add(new TimelineEntry(next, at));
    }

    /** A carrier event (or an operator's resolution) that took effect in the current status. */
    void recordEvent(CarrierEventType event, Instant at) {
        timeline.add(new TimelineEntry(status, at, event));
    }

    void needsAttention(Attention reason) {
        attention = reason;
    }

    void attentionResolved() {
        attention = null;
    }

    /** Replaces the requested lines by the lines as the stock service priced them. */
    void reserved(StockReservation reservation) {
        items.clear();
        reservation.lines().forEach(line ->
                items.add(new OrderItemView(line.sku(), line.quantity(), line.unitPriceCents())));
        totalCents = reservation.total().amountCents();
        currency = reservation.total().currency();
    }

    void charged(PaymentReceipt receipt) {
        paymentId = receipt.paymentId();
    }

    void scheduled(Shipment shipment) {
        trackingNumber = shipment.trackingNumber();
    }

    /** The first failure wins: a late step failure after a customer cancel does not replace it. */
    void failed(OrderFailure reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    OrderStatus status() {
        return status;
    }

    OrderFailure failure() {
        return failure;
    }

    Attention attention() {
        return attention;
    }

    String trackingNumber() {
        return trackingNumber;
    }

    OrderView view() {
        return new OrderView(orderId, customerId, status, List.copyOf(items), totalCents, currency,
                paymentId, trackingNumber, failure, attention, List.copyOf(timeline));
    }
}
