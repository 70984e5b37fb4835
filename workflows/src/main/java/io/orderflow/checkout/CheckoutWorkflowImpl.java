package io.orderflow.checkout;

import static io.orderflow.checkout.OrderStatus.CANCELLED;
import static io.orderflow.checkout.OrderStatus.CHARGING_PAYMENT;
import static io.orderflow.checkout.OrderStatus.COMPENSATING;
import static io.orderflow.checkout.OrderStatus.COMPLETED;
import static io.orderflow.checkout.OrderStatus.FAILED;
import static io.orderflow.checkout.OrderStatus.RESERVING_STOCK;
import static io.orderflow.checkout.OrderStatus.SCHEDULING_DELIVERY;

import io.orderflow.Money;
import io.orderflow.TaskQueues;
import io.orderflow.delivery.DeliveryActivities;
import io.orderflow.delivery.ShipmentRequest;
import io.orderflow.payment.ChargeRequest;
import io.orderflow.payment.PaymentActivities;
import io.orderflow.stock.StockActivities;
import io.orderflow.stock.StockReservation;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Instant;

/**
 * The checkout saga of design brief §2. It reads like the brief's table: for each step, register
 * the compensation, enter the status, run the activity on its service's task queue. Any business
 * failure, exhausted budget or accepted cancel ends the forward part; the compensations then run in
 * reverse order in a detached scope, and the workflow completes normally with the final view.
 */
public class CheckoutWorkflowImpl implements CheckoutWorkflow {

    private final CheckoutRequest request;
    private final OrderState order;
    private final Compensations compensations = new Compensations();
    /** The forward steps; a cancel accepted by the update cancels it, which stops the in-flight step. */
    private CancellationScope forwardSteps;
    private boolean cancelRequested;

    /** Builds the state before any handler runs, so an early query or cancel sees a real order. */
    @WorkflowInit
    public CheckoutWorkflowImpl(CheckoutRequest request) {
        this.request = request;
        this.order = new OrderState(request, now());
    }

    /**
     * PINNED (when the worker runs versioned): an order runs to its end on the worker build it started
     * on, however many days it waits for its carrier, so a later build's changes to this code never
     * meet an order that started before it (the getVersion guards stay, for replay and tests).
     */
    @Override
    @WorkflowVersioningBehavior(VersioningBehavior.PINNED)
    public OrderView checkout(CheckoutRequest ignored) {
        Workflow.upsertTypedSearchAttributes(
                OrderSearchAttributes.CUSTOMER_ID.valueSet(request.customerId()),
                OrderSearchAttributes.ORDER_STATUS.valueSet(order.status().name()));

        forwardSteps = Workflow.newCancellationScope(this::runForwardSteps);
        forwardSteps.run();

        if (order.failure() == null) {
            enter(COMPLETED);
        } else {
            compensate();
        }
        // Detached: a cancelled workflow must still let an in-flight cancel update reply.
        Workflow.newDetachedCancellationScope(() -> Workflow.await(Workflow::isEveryHandlerFinished)).run();
        return order.view();
    }

    private void runForwardSteps() {
        try {
            StockReservation reservation = reserveStock();
            chargePayment(reservation.total());
            scheduleDelivery();
        } catch (ActivityFailure failure) {
            order.failed(StepFailures.of(failure, order.status()));
        } catch (CanceledFailure cancelled) {
            order.failed(StepFailures.cancelled("the order was cancelled", order.status()));
        }
    }

    private StockReservation reserveStock() {
        stopIfCancelled();
        compensations.register(() -> compensation(StockActivities.class, TaskQueues.STOCK, "release stock")
                .release(request.orderId()));
        enter(RESERVING_STOCK);
        StockReservation reservation = forward(StockActivities.class, TaskQueues.STOCK, reserveSummary(),
                StepPolicies.STOCK_BUSINESS_FAILURES)
                .reserve(request.orderId(), request.items());
        order.reserved(reservation);
        Workflow.upsertTypedSearchAttributes(
                OrderSearchAttributes.ORDER_TOTAL_CENTS.valueSet(reservation.total().amountCents()));
        return reservation;
    }

    private void chargePayment(Money total) {
        stopIfCancelled();
        compensations.register(() -> compensation(PaymentActivities.class, TaskQueues.PAYMENT,
                "refund " + total.display())
                .refund(request.orderId()));
        enter(CHARGING_PAYMENT);
        order.charged(forward(PaymentActivities.class, TaskQueues.PAYMENT, "charge " + total.display(),
                StepPolicies.PAYMENT_BUSINESS_FAILURES)
                .charge(new ChargeRequest(request.orderId(), request.customerId(), total, request.paymentToken())));
    }

    private void scheduleDelivery() {
        stopIfCancelled();
        compensations.register(() -> compensation(DeliveryActivities.class, TaskQueues.DELIVERY, "cancel delivery")
                .cancel(request.orderId()));
        enter(SCHEDULING_DELIVERY);
        order.scheduled(forward(DeliveryActivities.class, TaskQueues.DELIVERY,
                "schedule delivery to " + request.shippingAddress().country(),
                StepPolicies.DELIVERY_BUSINESS_FAILURES)
                .schedule(new ShipmentRequest(request.orderId(), request.shippingAddress(), request.items())));
    }

    private void compensate() {
        enter(COMPENSATING);
        // Detached: neither a customer cancel nor a cancel of the whole workflow may skip an undo.
        Workflow.newDetachedCancellationScope(compensations::runInReverseOrder).run();
        boolean cancelled = CheckoutFailures.CANCELLED_BY_CUSTOMER.equals(order.failure().code());
        enter(cancelled ? CANCELLED : FAILED);
    }

    @Override
    public OrderView state() {
        return order.view();
    }

    @Override
    public void validateCancel(String reason) {
        if (!order.status().isCancellable()) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + request.orderId() + " is " + order.status() + " and can no longer be cancelled",
                    CheckoutFailures.NOT_CANCELLABLE);
        }
    }

    @Override
    public OrderView cancel(String reason) {
        if (!cancelRequested) {
            cancelRequested = true;
            order.failed(StepFailures.cancelled(cancelMessage(reason), order.status()));
            if (forwardSteps != null) {
                forwardSteps.cancel(reason);
            }
        }
        return order.view();
    }

    /** A cancel can be accepted between two steps, or before the forward steps even started. */
    private void stopIfCancelled() {
        if (cancelRequested) {
            throw new CanceledFailure("the customer cancelled the order");
        }
    }

    private void enter(OrderStatus status) {
        order.enter(status, now());
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_STATUS.valueSet(status.name()));
    }

    private String reserveSummary() {
        int units = request.items().stream().mapToInt(OrderLine::quantity).sum();
        return "reserve " + units + (units == 1 ? " item" : " items");
    }

    private static String cancelMessage(String reason) {
        return reason == null || reason.isBlank()
                ? "cancelled by the customer"
                : "cancelled by the customer: " + reason;
    }

    private static <T> T forward(Class<T> activities, String taskQueue, String summary, String... businessFailures) {
        return stub(activities, StepPolicies.forward(taskQueue, summary, businessFailures));
    }

    private static <T> T compensation(Class<T> activities, String taskQueue, String summary) {
        return stub(activities, StepPolicies.compensation(taskQueue, summary));
    }

    private static <T> T stub(Class<T> activities, ActivityOptions options) {
        return Workflow.newActivityStub(activities, options);
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
