package io.orderflow.cart;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One customer's shopping cart, an entity workflow. Workflow type {@value #TYPE}, id
 * {@code cart-{cartId}} (see {@link #workflowId(String)}), task queue {@code checkout}.
 *
 * <p>Lines are added, changed and removed by Updates whose validators reject a bad change before
 * anything reaches the history. A cart left alone for its idle time expires; checking it out starts
 * the {@code Checkout} workflow for its lines and records the order id. Either way the cart then
 * refuses every change. The returned view is the final state.
 */
@WorkflowInterface
public interface CartWorkflow {

    String TYPE = "Cart";

    static String workflowId(String cartId) {
        return "cart-" + cartId;
    }

    @WorkflowMethod(name = TYPE)
    CartView run(CartInput input);

    /** The cart as it stands now; never blocks, never changes anything. */
    @QueryMethod
    CartView cart();

    /** Sets a line's quantity: adds the line, changes it, or removes it (quantity 0). */
    @UpdateMethod
    CartView setLine(LineChange change);

    /**
     * Rejects, before it is written to history: a cart that is not {@code OPEN}
     * ({@link CartFailures#CART_NOT_OPEN}), a quantity outside 0–{@value CartLimits#MAX_QUANTITY}
     * ({@link CartFailures#INVALID_QUANTITY}), a SKU the catalog did not know
     * ({@link CartFailures#UNKNOWN_SKU}) and a new line beyond {@value CartLimits#MAX_LINES}
     * ({@link CartFailures#CART_FULL}).
     */
    @UpdateValidatorMethod(updateName = "setLine")
    void validateSetLine(LineChange change);

    /**
     * Checks the cart out: starts the {@code Checkout} workflow {@code order-{orderId}} for its
     * lines (it outlives the cart) and returns the cart, now {@code CHECKED_OUT} with the order id.
     */
    @UpdateMethod
    CartView checkout(CartCheckout checkout);

    /**
     * Rejects a cart that is not {@code OPEN} ({@link CartFailures#CART_NOT_OPEN}), has no lines
     * ({@link CartFailures#CART_EMPTY}), or a checkout missing a part ({@link CartFailures#INVALID_CHECKOUT}).
     */
    @UpdateValidatorMethod(updateName = "checkout")
    void validateCheckout(CartCheckout checkout);
}
