package io.orderflow.checkout;

import static io.orderflow.checkout.OrderStatus.CANCELLED;
import static io.orderflow.checkout.OrderStatus.CHARGING_PAYMENT;
import static io.orderflow.checkout.OrderStatus.COMPENSATING;
import static io.orderflow.checkout.OrderStatus.COMPLETED;
import static io.orderflow.checkout.OrderStatus.FAILED;
import static io.orderflow.checkout.OrderStatus.RESERVING_STOCK;
import static io.orderflow.checkout.OrderStatus.SCHEDULING_DELIVERY;
import static io.orderflow.checkout.OrderStatus.SHIPPING;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The checkout saga. It reads like the saga table: for each step, register the compensation, enter
 * the status, run the activity on its service's task queue. Any business failure, exhausted budget
 * or accepted cancel ends the forward part; the compensations then run in reverse order in a
 * detached scope, and the workflow completes normally with the final view.
 *
 * <p>Once delivery is scheduled the order is {@code SHIPPING} until the carrier reports the parcel
 * delivered ({@code COMPLETED}), lost (refund, {@code FAILED}) or returned (refund and restock,
 * {@code FAILED}); past the delivery deadline it is flagged for a person, who may resolve it. An
 * operator's cancel of the execution while it is {@code SHIPPING} undoes the order like any cancel.
 * Orders started before this existed (no {@value #TRACKED_UNTIL_DELIVERY_CHANGE} marker in their
 * history) complete when delivery is scheduled and compensate as they always did.
 */
public class CheckoutWorkflowImpl implements CheckoutWorkflow {

    /** Version marker of the change that follows the parcel until it arrives (and compensates in rounds). */
    static final String TRACKED_UNTIL_DELIVERY_CHANGE = "tracked-until-delivery";
    static final int TRACKED_UNTIL_DELIVERY = 1;
    /**
     * Version marker of the change that undoes a shipping order whose execution an operator cancels
     * (Web UI, CLI). Recorded only when such a cancel arrives, so an order without it in its history
     * was cancelled by code that ended the execution and kept the charge.
     */
    static final String UNDONE_WHEN_CANCELLED_WHILE_SHIPPING_CHANGE = "undone-when-cancelled-while-shipping";
    static final int UNDONE_WHEN_CANCELLED_WHILE_SHIPPING = 1;
    /**
     * Version marker of the change that keeps the order readable for ever and tells cancels apart:
     * the view is kept in the memo at every status (a closed workflow keeps its memo, whoever closed
     * it and however), an execution cancel is the operator's ({@code CANCELLED_BY_OPERATOR}), goods
     * already picked up come back to stock only when the parcel is returned, and carrier events that
     * change nothing are refused by the validator.
     */
    static final String KEPT_FOR_EVER_CHANGE = "kept-for-ever";
    static final int KEPT_FOR_EVER = 1;

    private final CheckoutRequest request;
    private final OrderState order;
    private final Compensations compensations = new Compensations();
    /** The forward steps; a cancel accepted by the update cancels it, which stops the in-flight step. */
    private CancellationScope forwardSteps;
    private boolean cancelRequested;
    /** False for orders started before the order's life after scheduling was tracked. */
    private boolean tracked;
    /** False for orders started before their view was kept in the memo (see {@link #KEPT_FOR_EVER_CHANGE}). */
    private boolean keptForEver;
    private CheckoutPolicy policy;
    private final CompensationRunner compensationRunner;
    private final ParcelTracking parcel;
    /** The view last written to the memo, so an unchanged view is not written twice. */
    private OrderView kept;

    /** Builds the state before any handler runs, so an early query or cancel sees a real order. */
    @WorkflowInit
    public CheckoutWorkflowImpl(CheckoutRequest request) {
        this.request = request;
        this.order = new OrderState(request, now());
        this.compensationRunner = new CompensationRunner(order, this::policy);
        this.parcel = new ParcelTracking(request.orderId(), order);
    }

    /**
     * PINNED (when the worker runs versioned): an order runs to its end on the worker build it started
     * on, however many days it waits for its carrier, so a later build's changes to this code never
     * meet an order that started before it (the getVersion guards stay, for replay and tests).
     */
    @Override
    @WorkflowVersioningBehavior(VersioningBehavior.PINNED)
    public OrderView checkout(CheckoutRequest ignored) {
        tracked = Workflow.getVersion(TRACKED_UNTIL_DELIVERY_CHANGE, Workflow.DEFAULT_VERSION, TRACKED_UNTIL_DELIVERY)
                >= TRACKED_UNTIL_DELIVERY;
        keptForEver = Workflow.getVersion(KEPT_FOR_EVER_CHANGE, Workflow.DEFAULT_VERSION, KEPT_FOR_EVER) >= KEPT_FOR_EVER;
        if (keptForEver) {
            parcel.refuseRepeats();
        }
        Workflow.upsertTypedSearchAttributes(
                OrderSearchAttributes.CUSTOMER_ID.valueSet(request.customerId()),
                OrderSearchAttributes.ORDER_STATUS.valueSet(order.status().name()));

        forwardSteps = Workflow.newCancellationScope(this::runForwardSteps);
        forwardSteps.run();

        if (order.failure() == null && tracked) {
            followTheParcel();
        } else if (order.failure() == null) {
            enter(COMPLETED);
        } else {
            compensate();
        }
        // Detached: a cancelled workflow must still let an in-flight cancel update reply.
        Workflow.newDetachedCancellationScope(() -> Workflow.await(Workflow::isEveryHandlerFinished)).run();
        keepView();
        return order.view();
    }

    private void runForwardSteps() {
        try {
            StockReservation reservation = reserveStock();
            chargePayment(reservation.total());
            scheduleDelivery();
        } catch (ActivityFailure failure) {
            order.failed(failure.getCause() instanceof CanceledFailure
                    ? executionCancelled(order.status())
                    : StepFailures.of(failure, order.status()));
        } catch (CanceledFailure cancelled) {
            order.failed(executionCancelled(order.status()));
        }
    }

    private StockReservation reserveStock() {
        stopIfCancelled();
        compensations.register(new Compensation(RESERVING_STOCK, TaskQueues.STOCK, "release stock",
                options -> stub(StockActivities.class, options).release(request.orderId())));
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
        compensations.register(refund(total));
        enter(CHARGING_PAYMENT);
        order.charged(forward(PaymentActivities.class, TaskQueues.PAYMENT, "charge " + total.display(),
                StepPolicies.PAYMENT_BUSINESS_FAILURES)
                .charge(new ChargeRequest(request.orderId(), request.customerId(), total, request.paymentToken())));
    }

    private void scheduleDelivery() {
        stopIfCancelled();
        compensations.register(new Compensation(SCHEDULING_DELIVERY, TaskQueues.DELIVERY, "cancel delivery",
                options -> stub(DeliveryActivities.class, options).cancel(request.orderId())));
        enter(SCHEDULING_DELIVERY);
        order.scheduled(forward(DeliveryActivities.class, TaskQueues.DELIVERY,
                "schedule delivery to " + request.shippingAddress().country(),
                StepPolicies.DELIVERY_BUSINESS_FAILURES)
                .schedule(new ShipmentRequest(request.orderId(), request.shippingAddress(), request.items())));
    }

    private void compensate() {
        enter(COMPENSATING);
        // Detached: neither a customer cancel nor a cancel of the whole workflow may skip an undo.
        Workflow.newDetachedCancellationScope(() -> compensations.runInReverseOrder(this::runCompensation)).run();
        enter(StepFailures.isCancel(order.failure()) ? CANCELLED : FAILED);
    }

    private void runCompensation(Compensation compensation) {
        if (tracked) {
            compensationRunner.run(compensation);
        } else {
            compensation.call().accept(StepPolicies.compensation(compensation.taskQueue(), compensation.summary()));
        }
    }

    /** SHIPPING until the carrier (or an operator) says how the delivery ended. */
    private void followTheParcel() {
        enter(SHIPPING);
        CarrierEventType arrival;
        try {
            // Due from now, not from after the policy lookup (a local activity that takes time of its own).
            arrival = parcel.awaitArrival(now().plus(policy().deliveryDeadline()));
        } catch (CanceledFailure | ActivityFailure interrupted) {
            // The wait, or the policy lookup before it, was cancelled with the whole execution.
            boolean cancelled = interrupted instanceof CanceledFailure || interrupted.getCause() instanceof CanceledFailure;
            if (!cancelled || !CancellationScope.current().isCancelRequested() || !undoesWhenCancelledWhileShipping()) {
                throw interrupted;
            }
            cancelWhileShipping();
            return;
        }
        parcel.clearAttention();
        switch (arrival) {
            case LOST -> undoAfterDelivery(new OrderFailure(CheckoutFailures.DELIVERY_LOST,
                            parcel.arrivalMessage("the carrier lost the parcel"), SHIPPING),
                    List.of(markShipment("mark the shipment lost", DeliveryActivities::markLost),
                            refund(orderTotal())));
            case RETURNED -> undoAfterDelivery(new OrderFailure(CheckoutFailures.DELIVERY_RETURNED,
                            parcel.arrivalMessage("the parcel was returned"), SHIPPING),
                    List.of(markShipment("mark the shipment returned", DeliveryActivities::markReturned),
                            restock(),
                            refund(orderTotal())));
            default -> enter(COMPLETED);
        }
    }

    /**
     * An operator cancelled the execution while the parcel is with the carrier (the customer's cancel
     * is refused by then). The order ends like any other cancel: every compensation runs, newest
     * first: the shipment is cancelled with the carrier, the payment refunded and the stock
     * released, and the order is {@code CANCELLED} with no net charge. Ending the execution there
     * instead, as orders cancelled before this change did, kept the customer's money for a parcel
     * that would never be delivered.
     *
     * <p>Once the carrier has picked the parcel up, the goods are on a truck, not on the shelf: the
     * shipment is cancelled and the payment refunded at once, but the stock comes back only when the
     * carrier reports the parcel returned (or an operator, past the delivery deadline, says so).
     */
    private void cancelWhileShipping() {
        order.failed(StepFailures.cancelled(keptForEver ? CancelledBy.OPERATOR : CancelledBy.CUSTOMER,
                "the order was cancelled while shipping", SHIPPING));
        parcel.clearAttention();
        if (!keptForEver || !parcel.pickedUp()) {
            compensate();
            return;
        }
        enter(COMPENSATING);
        Workflow.newDetachedCancellationScope(() -> {
            compensationRunner.run(new Compensation(SCHEDULING_DELIVERY, TaskQueues.DELIVERY, "cancel delivery",
                    options -> stub(DeliveryActivities.class, options).cancel(request.orderId())));
            compensationRunner.run(refund(orderTotal()));
            CarrierEventType cameBack = parcel.awaitArrival(now().plus(policy().deliveryDeadline()));
            parcel.clearAttention();
            if (cameBack == CarrierEventType.RETURNED) {
                compensationRunner.run(restock());
            }
        }).run();
        enter(CANCELLED);
    }

    /** Asked once, when the cancel arrives; an order cancelled by older code has no marker and ends as it did. */
    private boolean undoesWhenCancelledWhileShipping() {
        return Workflow.getVersion(UNDONE_WHEN_CANCELLED_WHILE_SHIPPING_CHANGE, Workflow.DEFAULT_VERSION,
                UNDONE_WHEN_CANCELLED_WHILE_SHIPPING) >= UNDONE_WHEN_CANCELLED_WHILE_SHIPPING;
    }

    private void undoAfterDelivery(OrderFailure reason, List<Compensation> steps) {
        order.failed(reason);
        enter(COMPENSATING);
        Workflow.newDetachedCancellationScope(() -> steps.forEach(compensationRunner::run)).run();
        enter(FAILED);
    }

    private Compensation refund(Money total) {
        return new Compensation(CHARGING_PAYMENT, TaskQueues.PAYMENT, "refund " + total.display(),
                options -> stub(PaymentActivities.class, options).refund(request.orderId()));
    }

    private Compensation restock() {
        return new Compensation(RESERVING_STOCK, TaskQueues.STOCK, "restock returned goods",
                options -> stub(StockActivities.class, options).restock(request.orderId()));
    }

    private Compensation markShipment(String summary, BiConsumer<DeliveryActivities, String> mark) {
        return new Compensation(SHIPPING, TaskQueues.DELIVERY, summary,
                options -> mark.accept(stub(DeliveryActivities.class, options), request.orderId()));
    }

    private Money orderTotal() {
        OrderView view = order.view();
        return Money.of(view.totalCents(), view.currency());
    }

    /** The configured deadlines, asked for once per order and kept in its history. */
    private CheckoutPolicy policy() {
        if (policy == null) {
            policy = Workflow.newLocalActivityStub(CheckoutPolicyActivities.class, StepPolicies.policyLookup()).policy();
        }
        return policy;
    }

    @Override
    public OrderView state() {
        return order.view();
    }

    @Override
    public void validateCarrierEvent(CarrierEvent event) {
        parcel.validate(event);
    }

    @Override
    public CarrierEventReceipt reportCarrierEvent(CarrierEvent event) {
        return parcel.report(event);
    }

    @Override
    public void validateResolveDelivery(DeliveryResolution proposed) {
        parcel.validateResolution(proposed);
    }

    @Override
    public OrderView resolveDelivery(DeliveryResolution decided) {
        parcel.resolve(decided);
        return order.view();
    }

    @Override
    public void validateRetryCompensation() {
        if (!compensationRunner.isRunning()) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + request.orderId() + " is " + order.status() + " and runs no compensation",
                    CheckoutFailures.NO_COMPENSATION_RUNNING);
        }
    }

    @Override
    public OrderView retryCompensation() {
        compensationRunner.retryNow();
        return order.view();
    }

    @Override
    public void validateCancel(String reason, CancelledBy by) {
        if (!order.status().isCancellable()) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + request.orderId() + " is " + order.status() + " and can no longer be cancelled",
                    CheckoutFailures.NOT_CANCELLABLE);
        }
    }

    @Override
    public OrderView cancel(String reason, CancelledBy by) {
        if (!cancelRequested) {
            cancelRequested = true;
            order.failed(StepFailures.cancelled(by, cancelMessage(reason, by), order.status()));
            if (forwardSteps != null) {
                forwardSteps.cancel(reason);
            }
        }
        return order.view();
    }

    /**
     * A cancel can be accepted between two steps, or before the forward steps even started. An
     * execution cancel that arrives while a step's attempt still runs lets that attempt finish
     * (it may have taken effect); no further step starts after it.
     */
    private void stopIfCancelled() {
        if (cancelRequested || (keptForEver && CancellationScope.current().isCancelRequested())) {
            throw new CanceledFailure("the customer cancelled the order");
        }
    }

    /**
     * A cancel that reached the forward steps without the {@code cancel} Update: the execution itself
     * was cancelled (Web UI, CLI), which only operators do. Orders from before the distinction say
     * customer, as they always did.
     */
    private OrderFailure executionCancelled(OrderStatus step) {
        return StepFailures.cancelled(keptForEver && !cancelRequested ? CancelledBy.OPERATOR : CancelledBy.CUSTOMER,
                "the order was cancelled", step);
    }

    private void enter(OrderStatus status) {
        order.enter(status, now());
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.ORDER_STATUS.valueSet(status.name()));
        keepView();
    }

    /**
     * Writes the view to the memo, where it stays readable after the workflow closes however it
     * closes (completed, failed, cancelled, terminated) and without any worker of its build: the
     * gateway reads closed orders from there. Written with every status change, in the same workflow
     * task as the status's search attribute.
     */
    private void keepView() {
        if (!keptForEver) {
            return;
        }
        OrderView view = order.view();
        if (!view.equals(kept)) {
            Workflow.upsertMemo(Map.of(CheckoutWorkflow.VIEW_MEMO, view));
            kept = view;
        }
    }

    private String reserveSummary() {
        int units = request.items().stream().mapToInt(OrderLine::quantity).sum();
        return "reserve " + units + (units == 1 ? " item" : " items");
    }

    private static String cancelMessage(String reason, CancelledBy by) {
        String who = by == CancelledBy.OPERATOR ? "cancelled by an operator" : "cancelled by the customer";
        return reason == null || reason.isBlank() ? who : who + ": " + reason;
    }

    private static <T> T forward(Class<T> activities, String taskQueue, String summary, String... businessFailures) {
        return stub(activities, StepPolicies.forward(taskQueue, summary, businessFailures));
    }

    private static <T> T stub(Class<T> activities, ActivityOptions options) {
        return Workflow.newActivityStub(activities, options);
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
