package io.orderflow.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.payment.PaymentFailures;
import io.orderflow.stock.StockFailures;
import io.orderflow.testing.CallLog;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.FakeDelivery;
import io.orderflow.testing.Orders;
import io.orderflow.testing.Step;
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

        workflow.cancel("changed my mind");
        OrderView view = env.result("cancelled");

        assertThat(view.status()).isEqualTo(OrderStatus.CANCELLED);
        RecordedHistories.recordIfRequested(env.client(), CheckoutWorkflow.workflowId("cancelled"), "cancelled");
    }

    private OrderView walk(CheckoutRequest request) {
        OrderView view = env.run(request);
        RecordedHistories.recordIfRequested(env.client(), CheckoutWorkflow.workflowId(request.orderId()),
                request.orderId());
        return view;
    }
}
