package io.orderflow.checkout;

import static io.orderflow.checkout.OrderStatus.CANCELLED;
import static io.orderflow.checkout.OrderStatus.CHARGING_PAYMENT;
import static io.orderflow.checkout.OrderStatus.COMPENSATING;
import static io.orderflow.checkout.OrderStatus.COMPLETED;
import static io.orderflow.checkout.OrderStatus.FAILED;
import static io.orderflow.checkout.OrderStatus.RECEIVED;
import static io.orderflow.checkout.OrderStatus.RESERVING_STOCK;
import static io.orderflow.checkout.OrderStatus.SCHEDULING_DELIVERY;
import static io.orderflow.checkout.OrderStatus.SHIPPING;
import static io.orderflow.testing.CallLog.DELIVERY_CANCEL;
import static io.orderflow.testing.CallLog.DELIVERY_SCHEDULE;
import static io.orderflow.testing.CallLog.PAYMENT_CHARGE;
import static io.orderflow.testing.CallLog.PAYMENT_REFUND;
import static io.orderflow.testing.CallLog.STOCK_RELEASE;
import static io.orderflow.testing.CallLog.STOCK_RESERVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.delivery.DeliveryFailures;
import io.orderflow.payment.PaymentFailures;
import io.orderflow.stock.StockFailures;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.FakeDelivery;
import io.orderflow.testing.FakeStock;
import io.orderflow.testing.Gate;
import io.orderflow.testing.Orders;
import io.orderflow.testing.Step;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CheckoutWorkflowTest {

    private static final String ORDER = "o-1";

    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment();

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void completesAnOrderByReservingChargingSchedulingAndThenHearingItWasDelivered() {
        OrderView view = env.run(Orders.sample(ORDER));

        assertThat(view.status()).isEqualTo(COMPLETED);
        assertThat(view.timeline()).extracting(TimelineEntry::status, TimelineEntry::event).containsExactly(
                tuple(RECEIVED, null), tuple(RESERVING_STOCK, null), tuple(CHARGING_PAYMENT, null),
                tuple(SCHEDULING_DELIVERY, null), tuple(SHIPPING, null),
                tuple(SHIPPING, CarrierEventType.PICKED_UP), tuple(SHIPPING, CarrierEventType.DELIVERED),
                tuple(COMPLETED, null));
        assertThat(view.attention()).isNull();
        assertThat(view.timeline()).extracting(TimelineEntry::at).isSorted().doesNotContainNull();
        assertThat(env.log().calls()).containsExactly(STOCK_RESERVE, PAYMENT_CHARGE, DELIVERY_SCHEDULE);
        assertThat(view.items()).containsExactly(
                new OrderItemView("MUG-RED", 2, 1250L), new OrderItemView("TEA-GREEN", 1, 450L));
        assertThat(view.totalCents()).isEqualTo(Orders.SAMPLE_TOTAL_CENTS);
        assertThat(view.currency()).isEqualTo(FakeStock.CURRENCY);
        assertThat(view.paymentId()).isEqualTo("pay-" + ORDER);
        assertThat(view.trackingNumber()).isEqualTo("TRK-" + ORDER);
        assertThat(view.failure()).isNull();
        assertThat(env.payment().netChargedCents(ORDER)).isEqualTo(Orders.SAMPLE_TOTAL_CENTS);
        assertThat(env.delivery().hasLiveShipment(ORDER)).isTrue();
    }

    @Test
    void failsWithOutOfStockAndNeverCharges() {
        env.stock().onReserve(Step.failWith(StockFailures.OUT_OF_STOCK, "MUG-RED: 2 requested, 1 available"));

        OrderView view = env.run(Orders.sample(ORDER));

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure()).isEqualTo(new OrderFailure(
                StockFailures.OUT_OF_STOCK, "MUG-RED: 2 requested, 1 available", RESERVING_STOCK));
        assertThat(view.timeline()).extracting(TimelineEntry::status)
                .containsExactly(RECEIVED, RESERVING_STOCK, COMPENSATING, FAILED);
        // Business failures are not retried; the release still runs (a no-op leaving a tombstone).
        assertThat(env.log().calls()).containsExactly(STOCK_RESERVE, STOCK_RELEASE);
        assertThat(view.totalCents()).isNull();
        assertThat(view.items()).extracting(OrderItemView::unitPriceCents).containsOnlyNulls();
    }

    @Test
    void failsWithUnknownSkuWhenTheCatalogDoesNotKnowAnItem() {
        OrderView view = env.run(Orders.withItems(ORDER, new OrderLine("NO-SUCH-SKU", 1)));

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure().code()).isEqualTo(StockFailures.UNKNOWN_SKU);
        assertThat(view.failure().message()).contains("NO-SUCH-SKU");
        assertThat(view.failure().step()).isEqualTo(RESERVING_STOCK);
        assertThat(env.log().attempts(PAYMENT_CHARGE)).isZero();
    }

    @Test
    void releasesTheStockWhenThePaymentIsDeclined() {
        env.payment().onCharge(Step.failWith(PaymentFailures.PAYMENT_DECLINED, "card declined"));

        OrderView view = env.run(Orders.sample(ORDER));

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure()).isEqualTo(
                new OrderFailure(PaymentFailures.PAYMENT_DECLINED, "card declined", CHARGING_PAYMENT));
        assertThat(env.log().attempts(PAYMENT_CHARGE)).isEqualTo(1);
        assertThat(env.log().compensations()).containsExactly(PAYMENT_REFUND, STOCK_RELEASE);
        assertThat(env.stock().holdsStockFor(ORDER)).isFalse();
        assertThat(env.log().attempts(DELIVERY_SCHEDULE)).isZero();
    }

    @Test
    void releasesTheStockWhenFundsAreInsufficient() {
        env.payment().onCharge(Step.failWith(PaymentFailures.INSUFFICIENT_FUNDS, "insufficient funds"));

        OrderView view = env.run(Orders.sample(ORDER));

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure().code()).isEqualTo(PaymentFailures.INSUFFICIENT_FUNDS);
        assertThat(view.failure().step()).isEqualTo(CHARGING_PAYMENT);
        assertThat(env.stock().wasReleased(ORDER)).isTrue();
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
    }

    @Test
    void retriesTransientPaymentFailuresAndCompletesWithOneCharge() {
        env.payment().onCharge(
                Step.failTransiently("provider unavailable"), Step.failTransiently("provider unavailable"),
                Step.proceed());

        OrderView view = env.run(Orders.sample(ORDER));

        assertThat(view.status()).isEqualTo(COMPLETED);
        assertThat(env.log().attempts(PAYMENT_CHARGE)).isEqualTo(3);
        assertThat(env.payment().netChargedCents(ORDER)).isEqualTo(Orders.SAMPLE_TOTAL_CENTS);
        assertThat(env.log().compensations()).isEmpty();
    }

    @Test
    void refundsThePaymentThenReleasesTheStockWhenTheAddressIsUnserviceable() {
        OrderView view = env.run(Orders.shippingTo(ORDER, FakeDelivery.UNSERVICEABLE_COUNTRY));

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure().code()).isEqualTo(DeliveryFailures.ADDRESS_UNSERVICEABLE);
        assertThat(view.failure().step()).isEqualTo(SCHEDULING_DELIVERY);
        // Reverse order of registration: the delivery's own (no-op) cancel, then refund, then release.
        assertThat(env.log().compensations()).containsExactly(DELIVERY_CANCEL, PAYMENT_REFUND, STOCK_RELEASE);
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
        assertThat(env.stock().holdsStockFor(ORDER)).isFalse();
        assertThat(view.paymentId()).isEqualTo("pay-" + ORDER);
    }

    @Test
    void retriesACompensationThatFailsTwiceUntilItSucceeds() {
        env.payment().onRefund(
                Step.failTransiently("provider unavailable"), Step.failTransiently("provider unavailable"),
                Step.proceed());

        OrderView view = env.run(Orders.shippingTo(ORDER, FakeDelivery.UNSERVICEABLE_COUNTRY));

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(env.log().attempts(PAYMENT_REFUND)).isEqualTo(3);
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
        // The release waits for the refund: compensations run one after another, newest first.
        List<String> calls = env.log().calls();
        assertThat(calls.indexOf(STOCK_RELEASE)).isGreaterThan(calls.lastIndexOf(PAYMENT_REFUND));
    }

    @Test
    void failsWithStepTimedOutWhenDeliveryKeepsFailingAndUndoesEverything() {
        env.delivery().onSchedule(Step.failTransiently("carrier API down"));

        OrderView view = env.run(Orders.sample(ORDER));

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.STEP_TIMED_OUT);
        assertThat(view.failure().step()).isEqualTo(SCHEDULING_DELIVERY);
        assertThat(view.failure().message()).contains("carrier API down");
        // Retried with backoff (1, 2, 4, 8, then every 10 s) for three minutes, not once and not forever.
        assertThat(env.log().attempts(DELIVERY_SCHEDULE)).isBetween(10L, 25L);
        assertThat(env.log().compensations()).containsExactly(DELIVERY_CANCEL, PAYMENT_REFUND, STOCK_RELEASE);
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
        assertThat(env.stock().holdsStockFor(ORDER)).isFalse();
    }

    @Test
    void refundsAChargeThatTookEffectAlthoughItsReplyWasLost() {
        env.payment().onCharge(Step.takeEffectThenLoseReply(), Step.failTransiently("provider unavailable"));

        OrderView view = env.run(Orders.sample(ORDER));

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.STEP_TIMED_OUT);
        assertThat(view.paymentId()).as("the workflow never learnt of the charge").isNull();
        assertThat(env.payment().wasCharged(ORDER)).isTrue();
        assertThat(env.payment().netChargedCents(ORDER)).as("refunded all the same").isZero();
        assertThat(env.log().compensations()).containsExactly(PAYMENT_REFUND, STOCK_RELEASE);
    }

    @Test
    void cancelWhilePaymentIsRetriedStopsTheChargeCompensatesAndEndsCancelled() {
        env.payment().onCharge(Step.failTransiently("provider unavailable"));
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        // Two failed attempts: the third now waits in Temporal's retry backoff (2 s, real time here).
        env.log().awaitAttempts(PAYMENT_CHARGE, 2);

        OrderView atAcceptance = workflow.cancel("changed my mind", CancelledBy.CUSTOMER);

        assertThat(atAcceptance.status()).isEqualTo(CHARGING_PAYMENT);
        assertThat(atAcceptance.failure()).isEqualTo(new OrderFailure(
                CheckoutFailures.CANCELLED_BY_CUSTOMER, "cancelled by the customer: changed my mind", CHARGING_PAYMENT));
        OrderView view = env.result(ORDER);
        assertThat(view.status()).isEqualTo(CANCELLED);
        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_CUSTOMER);
        assertThat(view.timeline()).extracting(TimelineEntry::status)
                .containsExactly(RECEIVED, RESERVING_STOCK, CHARGING_PAYMENT, COMPENSATING, CANCELLED);
        assertThat(env.log().compensations()).containsExactly(PAYMENT_REFUND, STOCK_RELEASE);
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
        assertThat(env.stock().holdsStockFor(ORDER)).isFalse();
        assertThat(env.log().attempts(DELIVERY_SCHEDULE)).isZero();
    }

    @Test
    void cancelDuringAnInFlightReservationReleasesTheStockItTookAfterwards() {
        Gate reservation = new Gate();
        env.stock().onReserve(Step.waitAt(reservation));
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        reservation.awaitArrival();

        OrderView atAcceptance = workflow.cancel(null, CancelledBy.CUSTOMER);
        reservation.open();

        assertThat(atAcceptance.status()).isEqualTo(RESERVING_STOCK);
        assertThat(atAcceptance.failure().message()).isEqualTo("cancelled by the customer");
        OrderView view = env.result(ORDER);
        assertThat(view.status()).isEqualTo(CANCELLED);
        // The workflow waited for the running attempt to end, so the release came after the take.
        assertThat(env.log().calls()).containsExactly(STOCK_RESERVE, STOCK_RELEASE);
        assertThat(env.stock().holdsStockFor(ORDER)).isFalse();
        assertThat(env.log().attempts(PAYMENT_CHARGE)).isZero();
    }

    @Test
    void rejectsACancelOnceDeliveryIsBeingScheduledAndCompletesTheOrder() {
        Gate delivery = new Gate();
        env.delivery().onSchedule(Step.waitAt(delivery));
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        delivery.awaitArrival();

        assertThatThrownBy(() -> workflow.cancel("too late", CancelledBy.CUSTOMER))
                .isInstanceOf(WorkflowUpdateException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, rejection -> {
                    assertThat(rejection.getType()).isEqualTo(CheckoutFailures.NOT_CANCELLABLE);
                    assertThat(rejection.getOriginalMessage()).contains(SCHEDULING_DELIVERY.name());
                });
        delivery.open();

        OrderView view = env.result(ORDER);
        assertThat(view.status()).isEqualTo(COMPLETED);
        assertThat(view.failure()).isNull();
        assertThat(env.log().compensations()).isEmpty();
    }

    @Test
    void rejectsACancelOfACompletedOrderAndKeepsItCompleted() {
        env.run(Orders.sample(ORDER));

        // The execution is closed, so the server itself refuses the update (the gateway answers 409).
        assertThatThrownBy(() -> env.workflow(ORDER).cancel("after the fact", CancelledBy.CUSTOMER))
                .isInstanceOf(WorkflowNotFoundException.class);

        assertThat(env.result(ORDER).status()).isEqualTo(COMPLETED);
        assertThat(env.workflow(ORDER).state().status()).isEqualTo(COMPLETED);
        assertThat(env.log().compensations()).isEmpty();
        assertThat(env.payment().netChargedCents(ORDER)).isEqualTo(Orders.SAMPLE_TOTAL_CENTS);
    }

    @Test
    void rejectsACancelWhileTheOrderIsAlreadyCompensating() {
        Gate release = new Gate();
        env.payment().onCharge(Step.failWith(PaymentFailures.PAYMENT_DECLINED, "card declined"));
        env.stock().onRelease(Step.waitAt(release));
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        release.awaitArrival();

        assertThat(workflow.state().status()).isEqualTo(COMPENSATING);
        assertThatThrownBy(() -> workflow.cancel("me too", CancelledBy.CUSTOMER))
                .isInstanceOf(WorkflowUpdateException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, rejection ->
                        assertThat(rejection.getType()).isEqualTo(CheckoutFailures.NOT_CANCELLABLE));
        release.open();

        OrderView view = env.result(ORDER);
        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure().code()).isEqualTo(PaymentFailures.PAYMENT_DECLINED);
    }

    @Test
    void anOperatorCancellingTheWholeWorkflowDuringAStepCancelsAsTheOperatorAndRunsEveryCompensation() {
        env.payment().onCharge(Step.failTransiently("provider unavailable"));
        env.start(Orders.sample(ORDER));
        env.log().awaitAttempts(PAYMENT_CHARGE, 1);

        // An operator's cancel of the execution in the Web UI or CLI (the gateway uses the cancel update).
        OrderView view = env.cancelExecution(ORDER);
        assertThat(view.status()).isEqualTo(CANCELLED);
        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_OPERATOR);
        assertThat(env.log().compensations()).containsExactly(PAYMENT_REFUND, STOCK_RELEASE);
        assertThat(env.stock().holdsStockFor(ORDER)).isFalse();
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
    }
}
