package io.orderflow.gateway.carts;

import io.grpc.Status;
import io.orderflow.TaskQueues;
import io.orderflow.cart.CartCheckout;
import io.orderflow.cart.CartFailures;
import io.orderflow.cart.CartInput;
import io.orderflow.cart.CartStatus;
import io.orderflow.cart.CartView;
import io.orderflow.cart.CartWorkflow;
import io.orderflow.cart.CatalogEntry;
import io.orderflow.cart.LineChange;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.gateway.GatewayProperties;
import io.orderflow.gateway.orders.OrderIds;
import io.orderflow.gateway.orders.OrderListingRecorder;
import io.orderflow.gateway.products.CatalogClient;
import io.orderflow.gateway.products.CatalogRejectedException;
import io.orderflow.gateway.products.Product;
import io.orderflow.gateway.security.Caller;
import io.orderflow.gateway.temporal.CallsWithDeadline;
import io.orderflow.gateway.temporal.TemporalErrors;
import io.orderflow.problem.ProblemTypes;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.SearchAttributes;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Carts are {@code Cart} workflows: creating one starts {@code cart-{cartId}}, reading one runs
 * its {@code cart} query, changing one sends an Update whose validator has the last word. Whose a
 * cart is comes from that query, before anything is changed.
 */
@Service
class CartWorkflows {

    private final WorkflowClient client;
    private final CallsWithDeadline deadlines;
    private final CatalogClient catalog;
    private final OrderListingRecorder listing;
    private final CartProperties settings;
    private final GatewayProperties.Orders orders;
    private final Clock clock = Clock.systemUTC();

    CartWorkflows(WorkflowClient client, CallsWithDeadline deadlines, CatalogClient catalog,
            OrderListingRecorder listing, CartProperties settings, GatewayProperties properties) {
        this.client = client;
        this.deadlines = deadlines;
        this.catalog = catalog;
        this.listing = listing;
        this.settings = settings;
        this.orders = properties.orders();
    }

    /** Starts an empty cart for {@code owner}; answers without waiting for the workflow to run. */
    CartView create(String owner) {
        String cartId = UUID.randomUUID().toString();
        CartWorkflow cart = client.newWorkflowStub(CartWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(CartWorkflow.workflowId(cartId))
                .setTaskQueue(TaskQueues.CHECKOUT)
                .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(OrderSearchAttributes.CUSTOMER_ID, owner).build())
                .build());
        WorkflowClient.start(cart::run,
                new CartInput(cartId, owner, settings.idleExpiry(), settings.updatesPerRun(), null));
        // What the workflow's first task computes too (its clock is the start time, a moment apart).
        return new CartView(cartId, owner, CartStatus.OPEN, List.of(), null,
                clock.instant().plus(settings.idleExpiry()), null);
    }

    /** The cart, if the caller may see it (an operator sees any). */
    CartView view(String cartId, Caller caller) {
        CartView cart;
        try {
            cart = stub(cartId).cart();
        } catch (WorkflowNotFoundException notFound) {
            throw new CartNotFoundException();
        } catch (WorkflowException | io.grpc.StatusRuntimeException failure) {
            if (TemporalErrors.is(failure, Status.Code.NOT_FOUND)) {
                throw new CartNotFoundException();
            }
            throw failure;
        }
        if (!caller.mayActFor(cart.customerId())) {
            throw new CartNotFoundException();
        }
        return cart;
    }

    /** Sets a line (0 removes it), after looking the SKU up in the catalog for the cart's validator. */
    CartView setLine(String cartId, String sku, int quantity, Caller caller) {
        CartView cart = view(cartId, caller);
        requireOpen(cart);
        LineChange change = new LineChange(sku, quantity, quantity == 0 ? null : lookUp(sku));
        return update(cart, () -> stub(cartId).setLine(change));
    }

    /**
     * Checks the cart out, or answers with the order an identical earlier checkout made. The order
     * goes on the customer's list before the cart starts it (see {@link OrderListingRecorder}).
     *
     * @return the order's id
     */
    String checkout(String cartId, CheckoutCartRequest request, Caller caller) {
        CartView cart = view(cartId, caller);
        String fingerprint = CheckoutFingerprint.of(cartId, request);
        if (cart.status() == CartStatus.CHECKED_OUT && fingerprint.equals(cart.checkoutFingerprint())) {
            return cart.orderId();
        }
        requireOpen(cart);
        if (cart.lines().isEmpty()) {
            // Refused here too (the validator has the last word), so no list entry is made for nothing.
            throw refusal(cartId, ApplicationFailure.newNonRetryableFailure("empty", CartFailures.CART_EMPTY));
        }
        String orderId = OrderIds.forCart(cartId);
        listing.placed(cart.customerId(), orderId);
        CartCheckout checkout = new CartCheckout(orderId, request.payment().token(), request.address(), fingerprint);
        try {
            return update(cart, () -> stub(cartId).checkout(checkout)).orderId();
        } catch (CartNotOpenException raced) {
            // A concurrent identical checkout got there first: its order is this request's answer.
            CartView now = view(cartId, caller);
            if (fingerprint.equals(now.checkoutFingerprint())) {
                return now.orderId();
            }
            throw raced;
        }
    }

    private CatalogEntry lookUp(String sku) {
        try {
            Product product = catalog.get(sku);
            if (product == null || product.priceCents() == null || product.currency() == null) {
                return null;
            }
            return new CatalogEntry(product.sku(), product.name(), product.priceCents(), product.currency());
        } catch (CatalogRejectedException rejected) {
            if (rejected.status() == HttpStatus.NOT_FOUND) {
                return null;
            }
            throw rejected;
        }
    }

    private static void requireOpen(CartView cart) {
        if (cart.status() != CartStatus.OPEN) {
            throw new CartNotOpenException(cart.cartId(), "it is " + cart.status());
        }
    }

    /** Sends an Update with the order calls' deadline and maps the validator's refusals to problems. */
    private CartView update(CartView cart, Supplier<CartView> call) {
        try {
            return deadlines.call(call, orders.updateTimeout());
        } catch (WorkflowUpdateException rejected) {
            if (rejected.getCause() instanceof ApplicationFailure failure) {
                throw refusal(cart.cartId(), failure);
            }
            throw rejected;
        } catch (WorkflowNotFoundException | io.grpc.StatusRuntimeException closed) {
            if (closed instanceof io.grpc.StatusRuntimeException && !TemporalErrors.is(closed, Status.Code.NOT_FOUND)) {
                throw closed;
            }
            // The cart exists (its query answered) but its run has ended: checked out or expired.
            throw new CartNotOpenException(cart.cartId(), "it is checked out or expired");
        }
    }

    private static RuntimeException refusal(String cartId, ApplicationFailure failure) {
        String why = failure.getOriginalMessage();
        return switch (failure.getType()) {
            case CartFailures.UNKNOWN_SKU -> new CartChangeRejectedException(ProblemTypes.UNKNOWN_SKU,
                    "Unknown SKU", "The catalog has no product of that SKU.");
            case CartFailures.CART_FULL -> new CartChangeRejectedException(ProblemTypes.CART_FULL,
                    "Cart full", "Cart '" + cartId + "' is full: " + why);
            case CartFailures.CART_EMPTY -> new CartChangeRejectedException(ProblemTypes.CART_EMPTY,
                    "Cart empty", "Cart '" + cartId + "' has no lines to check out.");
            case CartFailures.CART_NOT_OPEN -> new CartNotOpenException(cartId, why);
            default -> failure;
        };
    }

    private CartWorkflow stub(String cartId) {
        return client.newWorkflowStub(CartWorkflow.class, CartWorkflow.workflowId(cartId));
    }
}
