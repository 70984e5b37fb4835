package io.orderflow.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.checkout.OrderItemView;
import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.checkout.OrderStatus;
import io.orderflow.checkout.OrderView;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.HeldOrderStarts;
import io.orderflow.testing.Orders;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CartWorkflowTest {

    private static final String CART = "c-1";
    private static final String ORDER = "c-1-order";

    /** The cart whose order starts are held until released (see {@link HeldOrderStarts}). */
    private static final String HELD_CART = "c-held";

    private final CheckoutTestEnvironment env =
            new CheckoutTestEnvironment(new HeldOrderStarts(CartWorkflow.workflowId(HELD_CART)));

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void addsChangesAndRemovesLinesKeepingTheirOrder() {
        CartWorkflow cart = Carts.start(env, CART);

        cart.setLine(Carts.known("MUG-RED", 2));
        cart.setLine(Carts.known("TEA-GREEN", 1));
        cart.setLine(Carts.known("MUG-RED", 5));
        CartView afterChange = cart.cart();
        CartView afterRemoval = cart.setLine(Carts.known("MUG-RED", 0));

        assertThat(afterChange.lines()).extracting(CartLine::sku, CartLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MUG-RED", 5),
                        org.assertj.core.groups.Tuple.tuple("TEA-GREEN", 1));
        assertThat(afterChange.lines().get(0).unitPriceCents()).isEqualTo(1250);
        assertThat(afterRemoval.lines()).extracting(CartLine::sku).containsExactly("TEA-GREEN");
        assertThat(afterRemoval.status()).isEqualTo(CartStatus.OPEN);
        assertThat(afterRemoval.customerId()).isEqualTo(Orders.CUSTOMER);
    }

    @Test
    void removingALineTheCartDoesNotHaveChangesNothing() {
        CartWorkflow cart = Carts.start(env, CART);
        cart.setLine(Carts.known("MUG-RED", 1));

        CartView view = cart.setLine(Carts.unknown("NOT-THERE", 0));

        assertThat(view.lines()).extracting(CartLine::sku).containsExactly("MUG-RED");
    }

    @Test
    void refusesAnUnknownSkuBeforeAnythingReachesTheHistory() {
        CartWorkflow cart = Carts.start(env, CART);

        assertRejected(() -> cart.setLine(Carts.unknown("NO-SUCH-THING", 1)), CartFailures.UNKNOWN_SKU);

        assertThat(cart.cart().lines()).isEmpty();
        assertThat(updatesInHistory()).isEmpty();
    }

    @Test
    void refusesQuantitiesOutsideZeroToAThousand() {
        CartWorkflow cart = Carts.start(env, CART);

        assertRejected(() -> cart.setLine(Carts.known("MUG-RED", -1)), CartFailures.INVALID_QUANTITY);
        assertRejected(() -> cart.setLine(Carts.known("MUG-RED", 1001)), CartFailures.INVALID_QUANTITY);
        CartView atTheLimit = cart.setLine(Carts.known("MUG-RED", 1000));

        assertThat(atTheLimit.lines()).extracting(CartLine::quantity).containsExactly(1000);
        assertThat(updatesInHistory()).hasSize(1);
    }

    @Test
    void refusesTheFiftyFirstLineButStillChangesTheFiftyItHas() {
        CartWorkflow cart = Carts.start(env, CART);
        for (int i = 1; i <= CartLimits.MAX_LINES; i++) {
            cart.setLine(new LineChange("SKU-" + i, 1, new CatalogEntry("SKU-" + i, "thing " + i, 100, "EUR")));
        }

        assertRejected(() -> cart.setLine(new LineChange("SKU-51", 1, new CatalogEntry("SKU-51", "one more", 100, "EUR"))),
                CartFailures.CART_FULL);
        CartView changed = cart.setLine(new LineChange("SKU-1", 3, new CatalogEntry("SKU-1", "thing 1", 100, "EUR")));

        assertThat(changed.lines()).hasSize(CartLimits.MAX_LINES);
        assertThat(changed.lines().get(0).quantity()).isEqualTo(3);
    }

    @Test
    void checkoutStartsTheOrderForTheCartsLinesAndTheOrderCompletes() {
        CartWorkflow cart = Carts.start(env, CART);
        cart.setLine(Carts.known("MUG-RED", 2));
        cart.setLine(Carts.known("TEA-GREEN", 1));

        CartView checkedOut = cart.checkout(Carts.checkout(ORDER));
        OrderView order = env.result(ORDER);

        assertThat(checkedOut.status()).isEqualTo(CartStatus.CHECKED_OUT);
        assertThat(checkedOut.orderId()).isEqualTo(ORDER);
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.customerId()).isEqualTo(Orders.CUSTOMER);
        assertThat(order.items()).containsExactly(
                new OrderItemView("MUG-RED", 2, 1250L), new OrderItemView("TEA-GREEN", 1, 450L));
        assertThat(order.totalCents()).isEqualTo(Orders.SAMPLE_TOTAL_CENTS);
        assertThat(Carts.result(env, CART).status()).isEqualTo(CartStatus.CHECKED_OUT);
    }

    @Test
    void theOrderCarriesTheSameSearchAttributesAndMemoAsOneTheGatewayStarts() {
        CartWorkflow cart = Carts.start(env, CART);
        cart.setLine(Carts.known("MUG-RED", 1));

        cart.checkout(Carts.checkout(ORDER));
        env.result(ORDER);

        WorkflowStub order = env.client().newUntypedWorkflowStub(CheckoutWorkflow.workflowId(ORDER));
        var description = order.describe();
        assertThat(description.getTypedSearchAttributes().get(OrderSearchAttributes.CUSTOMER_ID))
                .isEqualTo(Orders.CUSTOMER);
        assertThat(description.getTypedSearchAttributes().get(OrderSearchAttributes.ORDER_STATUS))
                .isEqualTo(OrderStatus.COMPLETED.name());
        assertThat(description.getMemo(CartCheckout.FINGERPRINT_MEMO_KEY, String.class))
                .isEqualTo("fingerprint-of-" + ORDER);
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        CartWorkflow cart = Carts.start(env, CART);

        assertRejected(() -> cart.checkout(Carts.checkout(ORDER)), CartFailures.CART_EMPTY);

        assertThat(cart.cart().status()).isEqualTo(CartStatus.OPEN);
    }

    @Test
    void aCheckedOutCartRefusesChangesAndASecondCheckoutButStillAnswersWithItsOrder() {
        CartWorkflow cart = Carts.start(env, CART);
        cart.setLine(Carts.known("MUG-RED", 1));
        cart.checkout(Carts.checkout(ORDER));
        Carts.result(env, CART);

        assertRefused(() -> cart.setLine(Carts.known("TEA-GREEN", 1)));
        assertRefused(() -> cart.checkout(Carts.checkout("another-order")));

        CartView view = cart.cart();
        assertThat(view.status()).isEqualTo(CartStatus.CHECKED_OUT);
        assertThat(view.orderId()).isEqualTo(ORDER);
        assertThat(view.lines()).extracting(CartLine::sku).containsExactly("MUG-RED");
    }

    /**
     * Between the checkout recording itself and its order existing the cart's run is still open, so
     * only the validator stands between a late change and an order that would not contain it.
     */
    @Test
    void aChangeArrivingWhileTheCheckoutStartsItsOrderIsRefusedBeforeItReachesTheHistory() throws Exception {
        CartWorkflow cart = Carts.start(env, HELD_CART);
        cart.setLine(Carts.known("MUG-RED", 1));
        WorkflowStub stub = WorkflowStub.fromTyped(cart);
        WorkflowUpdateHandle<CartView> checkout = stub.startUpdate("checkout", WorkflowUpdateStage.ACCEPTED,
                CartView.class, Carts.checkout(ORDER));

        assertRejected(() -> cart.setLine(Carts.known("TEA-GREEN", 1)), CartFailures.CART_NOT_OPEN);
        assertRejected(() -> cart.checkout(Carts.checkout("another-order")), CartFailures.CART_NOT_OPEN);
        assertThat(updatesInHistory(HELD_CART)).as("the first line and the checkout, nothing refused").hasSize(2);

        stub.signal(HeldOrderStarts.RELEASE);
        CartView checkedOut = checkout.getResultAsync().get(10, TimeUnit.SECONDS);

        assertThat(checkedOut.status()).isEqualTo(CartStatus.CHECKED_OUT);
        assertThat(env.result(ORDER).items()).extracting(OrderItemView::sku).containsExactly("MUG-RED");
    }

    @Test
    void aCartLeftAloneForItsIdleTimeExpires() {
        CartWorkflow cart = Carts.start(env, CART);
        cart.setLine(Carts.known("MUG-RED", 1));

        CartView result = Carts.result(env, CART);

        assertThat(result.status()).isEqualTo(CartStatus.EXPIRED);
        assertThat(cart.cart().status()).isEqualTo(CartStatus.EXPIRED);
        assertRefused(() -> cart.setLine(Carts.known("TEA-GREEN", 1)));
    }

    @Test
    void everyChangeRestartsTheIdleTimer() {
        CartWorkflow cart = Carts.start(env, CART);
        env.sleep(Duration.ofHours(20));
        CartView changed = cart.setLine(Carts.known("MUG-RED", 1));
        env.sleep(Duration.ofHours(20));

        assertThat(cart.cart().status()).as("40 h after it was created, 20 h after its last change")
                .isEqualTo(CartStatus.OPEN);
        assertThat(Carts.result(env, CART).expiresAt()).isEqualTo(changed.expiresAt());
    }

    @Test
    void continuesAsNewAfterItsUpdateBudgetAndKeepsEverything() {
        CartWorkflow cart = Carts.start(env, CART, 3);
        String firstRun = WorkflowStub.fromTyped(cart).getExecution().getRunId();

        cart.setLine(Carts.known("MUG-RED", 1));
        cart.setLine(Carts.known("TEA-GREEN", 2));
        cart.setLine(Carts.known("MUG-RED", 3));
        CartWorkflow latest = Carts.existing(env, CART);
        CartView afterContinue = latest.setLine(Carts.known("TEA-GREEN", 4));

        assertThat(env.client().newUntypedWorkflowStub(CartWorkflow.workflowId(CART)).describe().getExecution()
                .getRunId()).isNotEqualTo(firstRun);
        assertThat(afterContinue.lines()).extracting(CartLine::sku, CartLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MUG-RED", 3),
                        org.assertj.core.groups.Tuple.tuple("TEA-GREEN", 4));
        latest.checkout(Carts.checkout(ORDER));
        assertThat(env.result(ORDER).status()).isEqualTo(OrderStatus.COMPLETED);
    }

    private List<HistoryEvent> updatesInHistory() {
        return updatesInHistory(CART);
    }

    private List<HistoryEvent> updatesInHistory(String cartId) {
        return env.client().fetchHistory(CartWorkflow.workflowId(cartId)).getEvents().stream()
                .filter(event -> event.getEventType() == EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED)
                .toList();
    }

    private static void assertRejected(Runnable update, String failureType) {
        assertThatThrownBy(update::run)
                .isInstanceOf(WorkflowUpdateException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo(failureType));
    }

    /** A closed cart: the server itself refuses updates (the gateway answers 409 either way). */
    private static void assertRefused(Runnable update) {
        assertThatThrownBy(update::run).isInstanceOf(WorkflowException.class);
    }
}
