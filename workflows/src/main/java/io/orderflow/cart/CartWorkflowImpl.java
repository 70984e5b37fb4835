package io.orderflow.cart;

import io.orderflow.TaskQueues;
import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.OrderStatus;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.SearchAttributes;
import io.temporal.common.VersioningBehavior;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import io.temporal.workflow.WorkflowVersioningBehavior;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The cart entity: it waits for changes, restarting its idle timer on each, until it is checked
 * out or the timer fires. Validators decide on the cart's state and the update's argument only, so
 * a rejected change never reaches the history. The run continues as new when the server suggests
 * it or after {@link CartInput#maxUpdatesPerRun()} updates, handing its state over.
 */
public class CartWorkflowImpl implements CartWorkflow {

    private static final Logger log = Workflow.getLogger(CartWorkflowImpl.class);

    private final CartInput input;
    private final CartState cart;
    /** Accepted updates in this run: the main loop restarts the idle timer when it grows. */
    private int updates;

    @WorkflowInit
    public CartWorkflowImpl(CartInput input) {
        this.input = input;
        this.cart = new CartState(input, now());
    }

    /**
     * AUTO_UPGRADE (when the worker runs versioned): a cart moves to the current build at its next
     * step. It may stay open for long and continues as new; pinned, it would keep every old build
     * running for as long as any cart is open. Changes to this code are guarded by getVersion.
     */
    @Override
    @WorkflowVersioningBehavior(VersioningBehavior.AUTO_UPGRADE)
    public CartView run(CartInput ignored) {
        int seen = 0;
        while (cart.isOpen()) {
            Duration idle = Duration.between(now(), cart.expiresAt());
            int before = seen;
            boolean woken = idle.isNegative() || idle.isZero()
                    ? false
                    : Workflow.await(idle, () -> updates != before || !cart.isOpen() || continueAsNewDue());
            if (!woken) {
                cart.expired();
                break;
            }
            seen = updates;
            if (cart.isOpen() && continueAsNewDue()) {
                // Let accepted updates reply first: a handler cut off by continue-as-new never answers.
                Workflow.await(Workflow::isEveryHandlerFinished);
                Workflow.continueAsNew(input.carrying(cart.view()));
            }
        }
        Workflow.await(Workflow::isEveryHandlerFinished);
        return cart.view();
    }

    @Override
    public CartView cart() {
        return cart.view();
    }

    @Override
    public void validateSetLine(LineChange change) {
        requireOpen();
        if (change == null || change.sku() == null || change.quantity() < 0
                || change.quantity() > CartLimits.MAX_QUANTITY) {
            throw reject(CartFailures.INVALID_QUANTITY,
                    "a line needs a SKU and a quantity from 0 to " + CartLimits.MAX_QUANTITY);
        }
        if (change.quantity() == 0) {
            return;
        }
        CatalogEntry found = change.found();
        if (found == null || !change.sku().equals(found.sku())) {
            throw reject(CartFailures.UNKNOWN_SKU, "the catalog has no product " + change.sku());
        }
        if (!cart.has(change.sku()) && cart.lineCount() >= CartLimits.MAX_LINES) {
            throw reject(CartFailures.CART_FULL, "a cart holds at most " + CartLimits.MAX_LINES + " lines");
        }
    }

    @Override
    public CartView setLine(LineChange change) {
        cart.set(change, now());
        updates++;
        return cart.view();
    }

    @Override
    public void validateCheckout(CartCheckout checkout) {
        requireOpen();
        if (checkout == null || checkout.orderId() == null || checkout.fingerprint() == null
                || checkout.paymentToken() == null || checkout.shippingAddress() == null) {
            throw reject(CartFailures.INVALID_CHECKOUT, "a checkout needs an order id, a fingerprint, "
                    + "a payment token and a shipping address");
        }
        if (cart.isEmpty()) {
            throw reject(CartFailures.CART_EMPTY, "the cart has no lines to check out");
        }
    }

    @Override
    public CartView checkout(CartCheckout checkout) {
        // Recorded before the child starts: a concurrent change or checkout is refused from here on.
        cart.checkedOut(checkout.orderId(), checkout.fingerprint());
        updates++;
        CheckoutWorkflow order = Workflow.newChildWorkflowStub(CheckoutWorkflow.class, orderOptions(checkout));
        Async.function(order::checkout, new CheckoutRequest(checkout.orderId(), cart.customerId(),
                cart.lines().stream().map(line -> new OrderLine(line.sku(), line.quantity())).toList(),
                checkout.paymentToken(), checkout.shippingAddress()));
        try {
            // Wait until the order exists; it is abandoned, not awaited: it outlives the cart.
            Workflow.getWorkflowExecution(order).get();
        } catch (ChildWorkflowFailure alreadyThere) {
            // Only an order with this id that already exists can refuse to start: it is this cart's.
            log.warn("order {} of cart {} was already started", checkout.orderId(), input.cartId());
        }
        return cart.view();
    }

    /**
     * The options the gateway starts an order with: the same id scheme, the same search attributes
     * and the request fingerprint in the memo, so the order looks like any other to the gateway,
     * visibility and operators. ABANDON: the cart's run ends right after, the order goes on.
     */
    private ChildWorkflowOptions orderOptions(CartCheckout checkout) {
        return ChildWorkflowOptions.newBuilder()
                .setWorkflowId(CheckoutWorkflow.workflowId(checkout.orderId()))
                .setTaskQueue(TaskQueues.CHECKOUT)
                .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setMemo(Map.of(CartCheckout.FINGERPRINT_MEMO_KEY, checkout.fingerprint()))
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(OrderSearchAttributes.CUSTOMER_ID, cart.customerId())
                        .set(OrderSearchAttributes.ORDER_STATUS, OrderStatus.RECEIVED.name())
                        .build())
                .build();
    }

    private void requireOpen() {
        if (!cart.isOpen()) {
            throw reject(CartFailures.CART_NOT_OPEN, "the cart is " + cart.view().status() + " and takes no changes");
        }
    }

    private boolean continueAsNewDue() {
        return updates >= input.maxUpdatesPerRun() || Workflow.getInfo().isContinueAsNewSuggested();
    }

    private static ApplicationFailure reject(String type, String message) {
        return ApplicationFailure.newNonRetryableFailure(message, type);
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
