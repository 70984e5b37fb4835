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
 * {@code CANCELLED}. The returned view is the final state.
 */
@WorkflowInterface
public interface CheckoutWorkflow {

    String TYPE = "Checkout";

    static String workflowId(String orderId) {
        return "order-" + orderId;
    }

    @WorkflowMethod(name = TYPE)
    OrderView checkout(CheckoutRequest request);

    /** The order as it stands now; never blocks, never changes anything. */
    @QueryMethod
    OrderView state();

    /**
     * Cancel the order on the customer's behalf. Accepted while the order has not reached
     * {@code SCHEDULING_DELIVERY}; returns the view once the cancel is recorded (compensation then
     * runs in the background).
     */
    @UpdateMethod
    OrderView cancel(String reason);

    /** Rejects the cancel (failure type {@code NOT_CANCELLABLE}) when the order is past the point of no return. */
    @UpdateValidatorMethod(updateName = "cancel")
    void validateCancel(String reason);
}
