package io.orderflow.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.checkout.OrderStatus;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Walks each distinct path of the cart once and asserts its outcome; with
 * {@code -Dorderflow.recordHistories=true} it also stores each run's history for
 * {@link EntityReplayTest}. The cart id is the path's name.
 */
class CartHistoryRecorderTest {

    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment(EntityHistories.converter());

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void checkedOutPath() {
        CartWorkflow cart = Carts.start(env, "checked-out");
        cart.setLine(Carts.known("MUG-RED", 2));
        cart.setLine(Carts.known("TEA-GREEN", 1));
        assertThatThrownBy(() -> cart.setLine(Carts.unknown("NOPE", 1))).isInstanceOf(WorkflowUpdateException.class);
        cart.setLine(Carts.known("TEA-GREEN", 0));
        cart.checkout(Carts.checkout("checked-out-order"));

        assertThat(Carts.result(env, "checked-out").status()).isEqualTo(CartStatus.CHECKED_OUT);
        assertThat(env.result("checked-out-order").status()).isEqualTo(OrderStatus.COMPLETED);
        record("checked-out", WorkflowStub.fromTyped(cart).getExecution().getRunId(), "checked-out");
    }

    @Test
    void expiredPath() {
        CartWorkflow cart = Carts.start(env, "expired");
        cart.setLine(Carts.known("MUG-RED", 1));

        assertThat(Carts.result(env, "expired").status()).isEqualTo(CartStatus.EXPIRED);
        record("expired", WorkflowStub.fromTyped(cart).getExecution().getRunId(), "expired");
    }

    @Test
    void continuedAsNewPath() {
        CartWorkflow cart = Carts.start(env, "continued", 2);
        String firstRun = WorkflowStub.fromTyped(cart).getExecution().getRunId();
        cart.setLine(Carts.known("MUG-RED", 1));
        cart.setLine(Carts.known("TEA-GREEN", 1));
        CartWorkflow latest = Carts.existing(env, "continued");
        latest.setLine(Carts.known("MUG-RED", 2));
        latest.checkout(Carts.checkout("continued-order"));

        assertThat(Carts.result(env, "continued").status()).isEqualTo(CartStatus.CHECKED_OUT);
        record("continued", firstRun, "continued-first-run");
        record("continued", WorkflowStub.fromTyped(latest).describe().getExecution().getRunId(), "continued-second-run");
    }

    private void record(String cartId, String runId, String path) {
        EntityHistories.recordIfRequested(env.client(), CartWorkflow.TYPE, CartWorkflow.workflowId(cartId), runId, path);
    }
}
