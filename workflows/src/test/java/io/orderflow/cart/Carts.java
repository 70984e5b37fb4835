package io.orderflow.cart;

import io.orderflow.TaskQueues;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.ShippingAddress;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.FakeStock;
import io.orderflow.testing.Orders;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.SearchAttributes;
import java.time.Duration;

/** Starts carts on a test environment the way the gateway does, and builds their updates. */
final class Carts {

    static final Duration IDLE_EXPIRY = Duration.ofDays(1);
    static final int UPDATES_PER_RUN = 500;
    static final ShippingAddress ADDRESS = new ShippingAddress("Ada Lovelace", "12 Main St", "London", "N1 9GU", "GB");

    private Carts() {
    }

    static CartWorkflow start(CheckoutTestEnvironment env, String cartId) {
        return start(env, cartId, UPDATES_PER_RUN);
    }

    static CartWorkflow start(CheckoutTestEnvironment env, String cartId, int updatesPerRun) {
        CartWorkflow cart = env.client().newWorkflowStub(CartWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(CartWorkflow.workflowId(cartId))
                .setTaskQueue(TaskQueues.CHECKOUT)
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(OrderSearchAttributes.CUSTOMER_ID, Orders.CUSTOMER).build())
                .build());
        WorkflowClient.start(cart::run, new CartInput(cartId, Orders.CUSTOMER, IDLE_EXPIRY, updatesPerRun, null));
        return cart;
    }

    /** A stub for the cart's latest run (after continue-as-new too). */
    static CartWorkflow existing(CheckoutTestEnvironment env, String cartId) {
        return env.client().newWorkflowStub(CartWorkflow.class, CartWorkflow.workflowId(cartId));
    }

    static CartView result(CheckoutTestEnvironment env, String cartId) {
        return WorkflowStub.fromTyped(existing(env, cartId)).getResult(CartView.class);
    }

    /** Sets a line of a SKU the fake catalog knows, as the gateway would after looking it up. */
    static LineChange known(String sku, int quantity) {
        Long price = FakeStock.CATALOG.get(sku);
        return new LineChange(sku, quantity, new CatalogEntry(sku, sku + " (name)", price, FakeStock.CURRENCY));
    }

    static LineChange unknown(String sku, int quantity) {
        return new LineChange(sku, quantity, null);
    }

    static CartCheckout checkout(String orderId) {
        return new CartCheckout(orderId, "tok_visa", ADDRESS, "fingerprint-of-" + orderId);
    }
}
