package io.orderflow.gateway.support;

import io.orderflow.checkout.CheckoutFailures;
import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.OrderFailure;
import io.orderflow.checkout.OrderItemView;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.checkout.OrderView;
import io.orderflow.checkout.TimelineEntry;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for the real saga that the gateway tests steer through the payment token, so each
 * test can put an order exactly where it needs it (no activities, no database):
 * {@value #HOLD} waits in CHARGING_PAYMENT until cancelled, {@value #SHIPPING} waits in
 * SCHEDULING_DELIVERY (too late to cancel), {@value #DECLINED} fails, {@value #SLOW} completes after
 * a two-second timer, anything else completes at once.
 */
public class ControllableCheckoutWorkflow implements CheckoutWorkflow {

    public static final String HOLD = "tok_hold";
    public static final String SHIPPING = "tok_shipping";
    public static final String DECLINED = "tok_declined";
    public static final String SLOW = "tok_slow";
    public static final long UNIT_PRICE_CENTS = 1250;

    private final List<TimelineEntry> timeline = new ArrayList<>();
    private CheckoutRequest request;
    private OrderStatus status = OrderStatus.RECEIVED;
    private List<OrderItemView> items = List.of();
    private Long totalCents;
    private String paymentId;
    private String trackingNumber;
    private OrderFailure failure;
    private boolean cancelRequested;

    @Override
    public OrderView checkout(CheckoutRequest request) {
        this.request = request;
        this.items = request.items().stream().map(line -> new OrderItemView(line.sku(), line.quantity(), null)).toList();
        enter(OrderStatus.RECEIVED);
        enter(OrderStatus.RESERVING_STOCK);
        items = request.items().stream()
                .map(line -> new OrderItemView(line.sku(), line.quantity(), UNIT_PRICE_CENTS)).toList();
        totalCents = request.items().stream().mapToLong(line -> line.quantity() * UNIT_PRICE_CENTS).sum();
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_TOTAL_CENTS.valueSet(totalCents));
        enter(OrderStatus.CHARGING_PAYMENT);
        switch (request.paymentToken()) {
            case HOLD -> Workflow.await(() -> cancelRequested);
            case SLOW -> Workflow.sleep(Duration.ofSeconds(2));
            case DECLINED -> failure = new OrderFailure("PAYMENT_DECLINED", "card declined", OrderStatus.CHARGING_PAYMENT);
            default -> { }
        }
        if (cancelRequested || failure != null) {
            enter(OrderStatus.COMPENSATING);
            enter(cancelRequested ? OrderStatus.CANCELLED : OrderStatus.FAILED);
        } else {
            paymentId = "pay-" + request.orderId();
            enter(OrderStatus.SCHEDULING_DELIVERY);
            if (SHIPPING.equals(request.paymentToken())) {
                Workflow.await(() -> false);
            }
            trackingNumber = "TRK-" + request.orderId();
            enter(OrderStatus.COMPLETED);
        }
        Workflow.await(Workflow::isEveryHandlerFinished);
        return state();
    }

    @Override
    public OrderView state() {
        return new OrderView(request == null ? null : request.orderId(), request == null ? null : request.customerId(),
                status, items, totalCents, totalCents == null ? null : "EUR", paymentId, trackingNumber, failure,
                List.copyOf(timeline));
    }

    @Override
    public OrderView cancel(String reason) {
        cancelRequested = true;
        failure = new OrderFailure(CheckoutFailures.CANCELLED_BY_CUSTOMER, reason, status);
        return state();
    }

    @Override
    public void validateCancel(String reason) {
        if (!status.isCancellable()) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "the order is " + status + "; cancelling is possible only before delivery is scheduled",
                    CheckoutFailures.NOT_CANCELLABLE);
        }
    }

    private void enter(OrderStatus next) {
        status = next;
        timeline.add(new TimelineEntry(next, Instant.ofEpochMilli(Workflow.currentTimeMillis())));
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_STATUS.valueSet(next.name()));
    }
}
