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
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
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

    private final CheckoutRequest request;
    private final OrderState order;
    private final Compensations compensations = new Compensations();
    /** The forward steps; a cancel accepted by the update cancels it, which stops the in-flight step. */
    private CancellationScope forwardSteps;
    private boolean cancelRequested;
    /** False for orders started before the order's life after scheduling was tracked. */
    private boolean tracked;
    private CheckoutPolicy policy;
    private final CompensationRunner compensationRunner;
    private final Set<String> seenCarrierEvents = new HashSet<>();
    private final Queue<CarrierEvent> carrierEvents = new ArrayDeque<>();
    private boolean pickedUp;
    private DeliveryResolution resolution;

    /** Builds the state before any handler runs, so an early query or cancel sees a real order. */
    @WorkflowInit
    public CheckoutWorkflowImpl(CheckoutRequest request) {
        this.request = request;
        this.order = new OrderState(request, now());
        this.compensationRunner = new CompensationRunner(order, this::policy);
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
        boolean cancelled = CheckoutFailures.CANCELLED_BY_CUSTOMER.equals(order.failure().code());
        enter(cancelled ? CANCELLED : FAILED);
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
            arrival = awaitArrival();
        } catch (CanceledFailure | ActivityFailure interrupted) {
            // The wait, or the policy lookup before it, was cancelled with the whole execution.
            boolean cancelled = interrupted instanceof CanceledFailure || interrupted.getCause() instanceof CanceledFailure;
            if (!cancelled || !CancellationScope.current().isCancelRequested() || !undoesWhenCancelledWhileShipping()) {
                throw interrupted;
            }
            cancelWhileShipping();
            return;
        }
        clearAttention();
        switch (arrival) {
            case LOST -> undoAfterDelivery(new OrderFailure(CheckoutFailures.DELIVERY_LOST,
                            arrivalMessage("the carrier lost the parcel"), SHIPPING),
                    List.of(markShipment("mark the shipment lost", DeliveryActivities::markLost),
                            refund(orderTotal())));
            case RETURNED -> undoAfterDelivery(new OrderFailure(CheckoutFailures.DELIVERY_RETURNED,
                            arrivalMessage("the parcel was returned"), SHIPPING),
                    List.of(markShipment("mark the shipment returned", DeliveryActivities::markReturned),
                            new Compensation(RESERVING_STOCK, TaskQueues.STOCK, "restock returned goods",
                                    options -> stub(StockActivities.class, options).restock(request.orderId())),
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
     */
    private void cancelWhileShipping() {
        order.failed(StepFailures.cancelled("the order was cancelled while shipping", SHIPPING));
        clearAttention();
        compensate();
    }

    /** Asked once, when the cancel arrives; an order cancelled by older code has no marker and ends as it did. */
    private boolean undoesWhenCancelledWhileShipping() {
        return Workflow.getVersion(UNDONE_WHEN_CANCELLED_WHILE_SHIPPING_CHANGE, Workflow.DEFAULT_VERSION,
                UNDONE_WHEN_CANCELLED_WHILE_SHIPPING) >= UNDONE_WHEN_CANCELLED_WHILE_SHIPPING;
    }

    private void clearAttention() {
        if (order.attention() != null) {
            order.attentionResolved();
            Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.NEEDS_ATTENTION.valueSet(false));
        }
    }

    /**
     * Waits for an arrival event; past the deadline flags the order {@code DELIVERY_OVERDUE} and
     * keeps waiting, now also for an operator's resolution.
     */
    private CarrierEventType awaitArrival() {
        Instant due = now().plus(policy().deliveryDeadline());
        while (true) {
            CarrierEventType arrival = takeCarrierEvents();
            if (arrival != null) {
                return arrival;
            }
            if (resolution != null) {
                order.recordEvent(resolution.outcome(), now());
                return resolution.outcome();
            }
            Duration left = Duration.between(now(), due);
            if (order.attention() == null && left.compareTo(Duration.ZERO) > 0) {
                if (!Workflow.await(left, this::carrierOrOperatorSpoke)) {
                    flagOverdue(due);
                }
            } else {
                if (order.attention() == null) {
                    flagOverdue(due);
                }
                Workflow.await(this::carrierOrOperatorSpoke);
            }
        }
    }

    /**
     * Applies the queued carrier events in arrival order: the first {@code PICKED_UP} adds to the
     * timeline; the first arrival event ends the wait. Anything after it is too late to matter.
     */
    private CarrierEventType takeCarrierEvents() {
        while (!carrierEvents.isEmpty()) {
            CarrierEvent event = carrierEvents.poll();
            if (event.type().isArrival()) {
                order.recordEvent(event.type(), now());
                return event.type();
            }
            if (!pickedUp) {
                pickedUp = true;
                order.recordEvent(event.type(), now());
            }
        }
        return null;
    }

    private boolean carrierOrOperatorSpoke() {
        return !carrierEvents.isEmpty() || resolution != null;
    }

    private void flagOverdue(Instant due) {
        order.needsAttention(new Attention(Attention.DELIVERY_OVERDUE, SHIPPING, due, null));
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.NEEDS_ATTENTION.valueSet(true));
    }

    private void undoAfterDelivery(OrderFailure reason, List<Compensation> steps) {
        order.failed(reason);
        enter(COMPENSATING);
        Workflow.newDetachedCancellationScope(() -> steps.forEach(compensationRunner::run)).run();
        enter(FAILED);
    }

    private String arrivalMessage(String carrierSaid) {
        if (resolution == null) {
            return carrierSaid;
        }
        String note = resolution.note() == null || resolution.note().isBlank() ? "" : ": " + resolution.note();
        return "resolved by an operator as " + resolution.outcome() + note;
    }

    private Compensation refund(Money total) {
        return new Compensation(CHARGING_PAYMENT, TaskQueues.PAYMENT, "refund " + total.display(),
                options -> stub(PaymentActivities.class, options).refund(request.orderId()));
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
        String trackingNumber = order.trackingNumber();
        boolean known = trackingNumber != null
                ? trackingNumber.equals(event.trackingNumber())
                // The carrier may be faster than the reply of the booking.
                : order.status() == SCHEDULING_DELIVERY;
        if (!known) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + request.orderId() + " has no shipment " + event.trackingNumber(),
                    CheckoutFailures.UNKNOWN_SHIPMENT);
        }
    }

    @Override
    public CarrierEventReceipt reportCarrierEvent(CarrierEvent event) {
        if (!seenCarrierEvents.add(event.eventId())) {
            return CarrierEventReceipt.DUPLICATE;
        }
        carrierEvents.add(event);
        return CarrierEventReceipt.ACCEPTED;
    }

    @Override
    public void validateResolveDelivery(DeliveryResolution proposed) {
        if (proposed == null || proposed.outcome() == null || !proposed.outcome().isArrival()) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "a delivery is resolved as DELIVERED, LOST or RETURNED", CheckoutFailures.INVALID_RESOLUTION);
        }
        Attention attention = order.attention();
        boolean overdue = order.status() == SHIPPING && resolution == null && attention != null
                && Attention.DELIVERY_OVERDUE.equals(attention.reason());
        if (!overdue) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + request.orderId() + " is " + order.status() + " and not waiting for a resolution",
                    CheckoutFailures.NOT_AWAITING_RESOLUTION);
        }
    }

    @Override
    public OrderView resolveDelivery(DeliveryResolution decided) {
        resolution = decided;
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

    private static <T> T stub(Class<T> activities, ActivityOptions options) {
        return Workflow.newActivityStub(activities, options);
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
