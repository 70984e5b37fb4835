package io.orderflow.checkout;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The checkout saga for one order. Workflow type {@value #TYPE}, id {@code order-{orderId}} (see
 * {@link #workflowId(String)}), task queue {@code checkout}.
 *
 * <p>Runs stock reservation, payment and delivery scheduling, each on its own service's task queue,
 * registering each step's compensation before the step runs. On a business failure, an exhausted
 * step budget or a customer cancel it compensates in reverse order and ends {@code FAILED} or
 * {@code CANCELLED}. Once delivery is scheduled it is {@code SHIPPING} until the carrier reports the
 * parcel delivered ({@code COMPLETED}), lost or returned (refunded, {@code FAILED}). The returned
 * view is the final state.
 */
@WorkflowInterface
public interface CheckoutWorkflow {

    String TYPE = "Checkout";

    /**
     * Memo key of the order's view, kept current at every status change: a closed order is read from
     * there (whoever closed it, and with no worker of its build running), never by a query. Orders
     * started before it existed have a result instead if they completed.
     */
    String VIEW_MEMO = "view";

    static String workflowId(String orderId) {
        return "order-" + orderId;
    }

    @WorkflowMethod(name = TYPE)
    OrderView checkout(CheckoutRequest request);

    /** The order as it stands now; never blocks, never changes anything. */
    @QueryMethod
    OrderView state();

    /**
     * Cancel the order on its customer's or an operator's behalf ({@code by}; {@code null}, as older
     * gateways send it, means the customer). Accepted while the order has not reached
     * {@code SCHEDULING_DELIVERY}; returns the view once the cancel is recorded (compensation then
     * runs in the background).
     */
    @UpdateMethod
    OrderView cancel(String reason, CancelledBy by);

    /** Rejects the cancel (failure type {@code NOT_CANCELLABLE}) when the order is past the point of no return. */
    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel(String reason, CancelledBy by);

    /**
     * An event the carrier reported for the order's shipment (through the gateway's signed webhook).
     * Idempotent by {@code eventId}. Events may come late or out of order: after an arrival event
     * ({@code DELIVERED}, {@code LOST}, {@code RETURNED}) nothing the carrier says changes the order
     * any more. The validator refuses what changes nothing, so a repeat costs the history nothing.
     */
    @UpdateMethod
    CarrierEventReceipt reportCarrierEvent(CarrierEvent event);

    /**
     * Rejects an event for a tracking number the order does not have ({@code UNKNOWN_SHIPMENT}) and
     * one that changes nothing: a seen {@code eventId}, a second pick-up, anything after the arrival
     * ({@code CARRIER_EVENT_IGNORED}).
     */
    @UpdateValidatorMethod(updateName = "reportCarrierEvent")
    void validateCarrierEvent(CarrierEvent event);

    /**
     * An operator's decision about an overdue delivery: the order then ends as if the carrier had
     * reported that outcome. Returns the view as it stands when the decision is recorded.
     */
    @UpdateMethod
    OrderView resolveDelivery(DeliveryResolution resolution);

    /**
     * Rejects a resolution unless the order is {@code SHIPPING} and flagged {@code DELIVERY_OVERDUE}
     * (type {@code NOT_AWAITING_RESOLUTION}), or one naming {@code PICKED_UP} ({@code INVALID_RESOLUTION}).
     */
    @UpdateValidatorMethod(updateName = "resolveDelivery")
    void validateResolveDelivery(DeliveryResolution resolution);

    /** Makes the running compensation try again now instead of at its next scheduled retry. */
    @UpdateMethod
    OrderView retryCompensation();

    /** Rejects (type {@code NO_COMPENSATION_RUNNING}) a retry when no compensation is running. */
    @UpdateValidatorMethod(updateName = "retryCompensation")
    void validateRetryCompensation();
}
