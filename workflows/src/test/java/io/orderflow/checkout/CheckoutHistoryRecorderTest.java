package io.orderflow.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.delivery.CarrierScenarios;
import io.orderflow.payment.PaymentFailures;
import io.orderflow.stock.StockFailures;
import io.orderflow.testing.CallLog;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.FakeDelivery;
import io.orderflow.testing.Orders;
import io.orderflow.testing.Step;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Walks each distinct path of the saga once and asserts its outcome; with
 * {@code -Dorderflow.recordHistories=true} it also stores each path's event history for
 * {@link CheckoutReplayTest}. The file name is the path's name; the order id is too, so the
 * histories are easy to tell apart in a diff. Payloads are encrypted as in production, with the
 * key ring stored beside the recorded files.
 */
class CheckoutHistoryRecorderTest {

    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment(RecordedHistories.converter());

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void completedPath() {
        assertThat(walk(Orders.sample("completed")).status()).isEqualTo(OrderStatus.COMPLETED);
    }

    @Test
    void outOfStockPath() {
        env.stock().onReserve(Step.failWith(StockFailures.OUT_OF_STOCK, "MUG-RED: 2 requested, 0 available"));

        OrderView view = walk(Orders.sample("out-of-stock"));

        assertThat(view.failure().code()).isEqualTo(StockFailures.OUT_OF_STOCK);
    }

    @Test
    void paymentDeclinedPath() {
        env.payment().onCharge(Step.failWith(PaymentFailures.PAYMENT_DECLINED, "card declined"));

        OrderView view = walk(Orders.sample("payment-declined"));

        assertThat(view.failure().code()).isEqualTo(PaymentFailures.PAYMENT_DECLINED);
        assertThat(env.log().compensations()).containsExactly(CallLog.PAYMENT_REFUND, CallLog.STOCK_RELEASE);
    }

    @Test
    void deliveryUnserviceablePath() {
        OrderView view = walk(Orders.shippingTo("delivery-unserviceable", FakeDelivery.UNSERVICEABLE_COUNTRY));

        assertThat(view.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(env.log().compensations())
                .containsExactly(CallLog.DELIVERY_CANCEL, CallLog.PAYMENT_REFUND, CallLog.STOCK_RELEASE);
    }

    @Test
    void transientPaymentFailuresThenCompletedPath() {
        env.payment().onCharge(Step.failTransiently("provider unavailable"), Step.proceed());

        OrderView view = walk(Orders.sample("payment-retried"));

        assertThat(view.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(env.log().attempts(CallLog.PAYMENT_CHARGE)).isEqualTo(2);
    }

    @Test
    void stepTimedOutPath() {
        env.delivery().onSchedule(Step.failTransiently("carrier API down"));

        OrderView view = walk(Orders.sample("step-timed-out"));

        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.STEP_TIMED_OUT);
    }

    @Test
    void cancelledWhilePaymentRetriesPath() {
        env.payment().onCharge(Step.failTransiently("provider unavailable"));
        CheckoutWorkflow workflow = env.start(Orders.sample("cancelled"));
        env.log().awaitAttempts(CallLog.PAYMENT_CHARGE, 1);

        workflow.cancel("changed my mind", CancelledBy.CUSTOMER);
        OrderView view = env.result("cancelled");

        assertThat(view.status()).isEqualTo(OrderStatus.CANCELLED);
        RecordedHistories.recordIfRequested(env.client(), CheckoutWorkflow.workflowId("cancelled"), "cancelled");
    }

    @Test
    void deliveredPath() {
        OrderView view = walk(Orders.sample("delivered"));

        assertThat(view.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(view.timeline()).extracting(TimelineEntry::event).contains(CarrierEventType.DELIVERED);
    }

    @Test
    void deliveryLostPath() {
        OrderView view = walk(Orders.shippingToLine("delivery-lost", CarrierScenarios.LOSE_ME));

        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.DELIVERY_LOST);
    }

    @Test
    void deliveryReturnedPath() {
        OrderView view = walk(Orders.shippingToLine("delivery-returned", CarrierScenarios.RETURN_ME));

        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.DELIVERY_RETURNED);
    }

    @Test
    void deliveryOverdueThenResolvedPath() {
        String orderId = "delivery-overdue-resolved";
        CheckoutWorkflow workflow = env.start(Orders.shippingToLine(orderId, CarrierScenarios.NEVER_ARRIVES));
        env.awaitView(orderId, "shipping", view -> view.status() == OrderStatus.SHIPPING);
        env.skip(CheckoutPolicy.DEFAULT_DELIVERY_DEADLINE.plusMinutes(1));
        env.awaitView(orderId, "flagged overdue", view -> view.attention() != null);
        workflow.resolveDelivery(new DeliveryResolution(CarrierEventType.RETURNED, "back at the warehouse"));

        OrderView view = env.result(orderId);

        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.DELIVERY_RETURNED);
        RecordedHistories.recordIfRequested(env.client(), CheckoutWorkflow.workflowId(orderId), orderId);
    }

    @Test
    void compensationFailingThenRetriedNowPath() {
        String orderId = "compensation-retried-now";
        AtomicBoolean refundsWork = new AtomicBoolean();
        env.payment().onRefund((order, effect) -> {
            if (!refundsWork.get()) {
                throw ApplicationFailure.newFailure("payment provider unreachable", Step.TRANSIENT);
            }
            effect.run();
        });
        CheckoutWorkflow workflow = env.start(Orders.shippingTo(orderId, FakeDelivery.UNSERVICEABLE_COUNTRY));
        env.awaitView(orderId, "compensating", view -> view.status() == OrderStatus.COMPENSATING);
        env.skip(CheckoutPolicy.DEFAULT_COMPENSATION_ALERT_AFTER.plusMinutes(1));
        assertThat(env.awaitView(orderId, "flagged", view -> view.attention() != null).attention().reason())
                .isEqualTo(Attention.COMPENSATION_FAILING);
        refundsWork.set(true);
        workflow.retryCompensation();

        OrderView view = env.result(orderId);

        assertThat(view.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(view.attention()).isNull();
        RecordedHistories.recordIfRequested(env.client(), CheckoutWorkflow.workflowId(orderId), orderId);
    }

    @Test
    void cancelledByAnOperatorWhileShippingPath() {
        String orderId = "cancelled-while-shipping";
        env.delivery().reportingNothing();
        env.start(Orders.sample(orderId));
        env.awaitView(orderId, "shipping", view -> view.status() == OrderStatus.SHIPPING);

        OrderView view = env.cancelExecution(orderId);

        assertThat(view.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(env.payment().netChargedCents(orderId)).isZero();
        record(orderId);
    }

    @Test
    void cancelledByAnOperatorOnTheTruckThenReturnedPath() {
        String orderId = "cancelled-on-the-truck-returned";
        CheckoutWorkflow workflow = env.start(Orders.shippingToLine(orderId, CarrierScenarios.NEVER_ARRIVES));
        env.awaitView(orderId, "picked up", view -> view.timeline().stream()
                .anyMatch(entry -> entry.event() == CarrierEventType.PICKED_UP));
        env.requestExecutionCancel(orderId);
        env.awaitView(orderId, "refunded", view -> env.log().compensations().contains(CallLog.PAYMENT_REFUND));

        workflow.reportCarrierEvent(new CarrierEvent("returned-1", "TRK-" + orderId, CarrierEventType.RETURNED,
                java.time.Instant.EPOCH));

        assertThat(env.awaitCancelledExecution(orderId).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(env.stock().wasRestocked(orderId)).isTrue();
        record(orderId);
    }

    @Test
    void cancelledByAnOperatorDuringAStepPath() {
        String orderId = "cancelled-by-operator-during-step";
        env.payment().onCharge(Step.failTransiently("provider unavailable"));
        env.start(Orders.sample(orderId));
        env.log().awaitAttempts(CallLog.PAYMENT_CHARGE, 1);

        OrderView view = env.cancelExecution(orderId);

        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_OPERATOR);
        record(orderId);
    }

    @Test
    void cancelledByAnOperatorThroughTheApiPath() {
        String orderId = "cancelled-by-operator-via-api";
        env.payment().onCharge(Step.failTransiently("provider unavailable"));
        CheckoutWorkflow workflow = env.start(Orders.sample(orderId));
        env.log().awaitAttempts(CallLog.PAYMENT_CHARGE, 1);

        workflow.cancel("fraud check", CancelledBy.OPERATOR);

        assertThat(env.result(orderId).failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_OPERATOR);
        record(orderId);
    }

    @Test
    void cancelledBeforeTheFirstStepPath() {
        String orderId = "cancelled-before-first-step";

        OrderView atAcceptance = env.startAndCancel(Orders.sample(orderId), "clicked by mistake");

        assertThat(atAcceptance.failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_CUSTOMER);
        assertThat(env.result(orderId).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(env.log().attempts(CallLog.STOCK_RESERVE)).as("no step ran").isZero();
        record(orderId);
    }

    @Test
    void carrierEventsRepeatedPath() {
        String orderId = "carrier-events-repeated";
        env.delivery().reportingNothing();
        CheckoutWorkflow workflow = env.start(Orders.sample(orderId));
        env.awaitView(orderId, "shipping", view -> view.status() == OrderStatus.SHIPPING);
        CarrierEvent pickedUp = new CarrierEvent("picked-1", "TRK-" + orderId, CarrierEventType.PICKED_UP,
                java.time.Instant.EPOCH);
        workflow.reportCarrierEvent(pickedUp);
        assertThatThrownBy(() -> workflow.reportCarrierEvent(pickedUp))
                .isInstanceOf(io.temporal.client.WorkflowUpdateException.class);

        workflow.reportCarrierEvent(new CarrierEvent("delivered-1", "TRK-" + orderId, CarrierEventType.DELIVERED,
                java.time.Instant.EPOCH));

        assertThat(env.result(orderId).status()).isEqualTo(OrderStatus.COMPLETED);
        record(orderId);
    }

    @Test
    void startedFromACartPath() {
        String orderId = "started-from-a-cart";
        io.orderflow.cart.CartWorkflow cart = io.orderflow.cart.CartRecordings.checkedOut(env, "cart-of-" + orderId, orderId);

        assertThat(env.result(orderId).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(cart).isNotNull();
        record(orderId);
    }

    @Test
    void terminatedWhileShippingPath() {
        String orderId = "terminated-while-shipping";
        env.delivery().reportingNothing();
        CheckoutWorkflow workflow = env.start(Orders.sample(orderId));
        OrderView shipping = env.awaitView(orderId, "shipping", view -> view.status() == OrderStatus.SHIPPING);

        WorkflowStub.fromTyped(workflow).terminate("stuck, says an operator");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(env.keptView(orderId)).isEqualTo(shipping));
        record(orderId);
    }

    private void record(String orderId) {
        RecordedHistories.recordIfRequested(env.client(), CheckoutWorkflow.workflowId(orderId), orderId);
    }

    private OrderView walk(CheckoutRequest request) {
        OrderView view = env.run(request);
        RecordedHistories.recordIfRequested(env.client(), CheckoutWorkflow.workflowId(request.orderId()),
                request.orderId());
        return view;
    }
}
