package io.orderflow.checkout;

import static io.orderflow.checkout.CarrierEventType.DELIVERED;
import static io.orderflow.checkout.CarrierEventType.LOST;
import static io.orderflow.checkout.CarrierEventType.PICKED_UP;
import static io.orderflow.checkout.CarrierEventType.RETURNED;
import static io.orderflow.checkout.OrderStatus.CANCELLED;
import static io.orderflow.checkout.OrderStatus.COMPENSATING;
import static io.orderflow.checkout.OrderStatus.COMPLETED;
import static io.orderflow.checkout.OrderStatus.FAILED;
import static io.orderflow.checkout.OrderStatus.SHIPPING;
import static io.orderflow.testing.CallLog.DELIVERY_CANCEL;
import static io.orderflow.testing.CallLog.DELIVERY_MARK_LOST;
import static io.orderflow.testing.CallLog.DELIVERY_MARK_RETURNED;
import static io.orderflow.testing.CallLog.PAYMENT_REFUND;
import static io.orderflow.testing.CallLog.STOCK_RELEASE;
import static io.orderflow.testing.CallLog.STOCK_RESTOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.orderflow.payment.PaymentFailures;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.FakeDelivery;
import io.orderflow.testing.Orders;
import io.orderflow.testing.Step;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order's life after delivery is scheduled: carrier events, the delivery deadline, operators. */
class OrderLifecycleTest {

    private static final String ORDER = "o-9";
    private static final String TRACKING = "TRK-" + ORDER;

    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment();

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void aLostParcelIsRefundedWithoutRestockingAndFailsWithDeliveryLost() {
        OrderView view = env.run(Orders.shippingToLine(ORDER, "12 LOSE-ME Street"));

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.DELIVERY_LOST);
        assertThat(view.failure().step()).isEqualTo(SHIPPING);
        assertThat(view.timeline()).extracting(TimelineEntry::status, TimelineEntry::event)
                .endsWith(tuple(SHIPPING, PICKED_UP), tuple(SHIPPING, LOST), tuple(COMPENSATING, null),
                        tuple(FAILED, null));
        assertThat(env.log().compensations()).containsExactly(DELIVERY_MARK_LOST, PAYMENT_REFUND);
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
        assertThat(env.delivery().wasMarkedLost(ORDER)).isTrue();
        assertThat(env.stock().wasRestocked(ORDER)).as("lost goods never come back to the shelf").isFalse();
        assertThat(env.stock().wasReleased(ORDER)).isFalse();
    }

    @Test
    void aReturnedParcelIsRefundedAndRestockedAndFailsWithDeliveryReturned() {
        OrderView view = env.run(Orders.shippingToLine(ORDER, "RETURN-ME 3"));

        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.DELIVERY_RETURNED);
        assertThat(env.log().compensations()).containsExactly(DELIVERY_MARK_RETURNED, STOCK_RESTOCK, PAYMENT_REFUND);
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
        assertThat(env.stock().wasRestocked(ORDER)).isTrue();
        assertThat(env.stock().holdsStockFor(ORDER)).isFalse();
        assertThat(env.delivery().wasMarkedReturned(ORDER)).isTrue();
    }

    @Test
    void shippingIsNotCancellable() {
        env.delivery().reportingNothing();
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

        assertThatThrownBy(() -> workflow.cancel("too late", CancelledBy.CUSTOMER))
                .isInstanceOf(WorkflowUpdateException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, rejection ->
                        assertThat(rejection.getType()).isEqualTo(CheckoutFailures.NOT_CANCELLABLE));
        assertThat(workflow.state().status()).isEqualTo(SHIPPING);
    }

    @Test
    void aRepeatedEventIsRefusedBeforeItReachesTheHistory() {
        env.delivery().reportingNothing();
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

        assertThat(workflow.reportCarrierEvent(event("e-1", PICKED_UP))).isEqualTo(CarrierEventReceipt.ACCEPTED);
        env.awaitView(ORDER, "picked up", view -> view.timeline().stream().anyMatch(entry -> entry.event() == PICKED_UP));
        long before = env.historyLengthBesidesWorkflowTasks(ORDER);
        for (int resend = 0; resend < 50; resend++) {
            assertIgnored(() -> workflow.reportCarrierEvent(event("e-1", PICKED_UP)));
        }
        assertIgnored(() -> workflow.reportCarrierEvent(event("e-2", PICKED_UP)));

        assertThat(env.historyLengthBesidesWorkflowTasks(ORDER)).as("events after 51 repeats").isEqualTo(before);
        assertThat(workflow.reportCarrierEvent(event("e-3", DELIVERED))).isEqualTo(CarrierEventReceipt.ACCEPTED);
        OrderView view = env.result(ORDER);
        assertThat(view.status()).isEqualTo(COMPLETED);
        assertThat(view.timeline()).extracting(TimelineEntry::event).filteredOn(PICKED_UP::equals).hasSize(1);
    }

    @Test
    void anEventArrivingAfterTheParcelArrivedIsRefusedWhileTheOrderStillRuns() {
        env.delivery().reportingNothing();
        env.payment().onRefund(Step.failTransiently("provider unavailable"));
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

        workflow.reportCarrierEvent(event("e-lost", LOST));
        env.awaitView(ORDER, "refunding", view -> view.status() == COMPENSATING);
        long before = env.historyLengthBesidesWorkflowTasks(ORDER);

        assertIgnored(() -> workflow.reportCarrierEvent(event("e-late", DELIVERED)));
        assertThat(env.historyLengthBesidesWorkflowTasks(ORDER)).isEqualTo(before);
    }

    private static void assertIgnored(Runnable report) {
        assertThatThrownBy(report::run)
                .isInstanceOf(WorkflowUpdateException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, rejection ->
                        assertThat(rejection.getType()).isEqualTo(CheckoutFailures.CARRIER_EVENT_IGNORED));
    }

    @Test
    void aPickUpReportedAfterTheDeliveryChangesNothingAndEventsAfterTheEndAreRefused() {
        env.delivery().reportingNothing();
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

        workflow.reportCarrierEvent(event("e-delivered", DELIVERED));
        OrderView view = env.result(ORDER);

        assertThat(view.status()).isEqualTo(COMPLETED);
        assertThat(view.timeline()).extracting(TimelineEntry::event).doesNotContain(PICKED_UP);
        // The execution is closed: the server refuses the update (the gateway answers 200, no effect).
        assertThatThrownBy(() -> workflow.reportCarrierEvent(event("e-picked", PICKED_UP)))
                .isInstanceOf(WorkflowNotFoundException.class);
        assertThat(workflow.state()).isEqualTo(view);
    }

    @Test
    void anEventForAnotherShipmentIsRefused() {
        env.delivery().reportingNothing();
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

        assertThatThrownBy(() -> workflow.reportCarrierEvent(
                new CarrierEvent("e-x", "TRK-someone-else", DELIVERED, Instant.EPOCH)))
                .isInstanceOf(WorkflowUpdateException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, rejection ->
                        assertThat(rejection.getType()).isEqualTo(CheckoutFailures.UNKNOWN_SHIPMENT));
        assertThat(workflow.state().status()).isEqualTo(SHIPPING);
    }

    @Test
    void anOverdueDeliveryIsFlaggedAndCompletesWhenALateDeliveryEventArrives() {
        CheckoutWorkflow workflow = env.start(Orders.shippingToLine(ORDER, "NEVER-ARRIVES 1"));
        OrderView shipping = env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);
        Instant due = shipping.timeline().get(shipping.timeline().size() - 2).at()
                .plus(CheckoutPolicy.DEFAULT_DELIVERY_DEADLINE);
        assertThat(shipping.attention()).isNull();

        env.skip(CheckoutPolicy.DEFAULT_DELIVERY_DEADLINE.plusMinutes(1));

        OrderView overdue = env.awaitView(ORDER, "flagged overdue", view -> view.attention() != null);
        assertThat(overdue.status()).isEqualTo(SHIPPING);
        assertThat(overdue.attention()).isEqualTo(new Attention(Attention.DELIVERY_OVERDUE, SHIPPING, due, null));
        assertThat(env.searchAttributes(ORDER).get(OrderSearchAttributes.NEEDS_ATTENTION)).isTrue();

        workflow.reportCarrierEvent(event("late", DELIVERED));

        OrderView view = env.result(ORDER);
        assertThat(view.status()).isEqualTo(COMPLETED);
        assertThat(view.attention()).isNull();
        assertThat(env.searchAttributes(ORDER).get(OrderSearchAttributes.NEEDS_ATTENTION)).isFalse();
    }

    @Test
    void theDeadlineComesFromTheCheckoutWorkersConfiguration() {
        try (CheckoutTestEnvironment shortDeadline = new CheckoutTestEnvironment(
                new CheckoutPolicy(Duration.ofHours(2), CheckoutPolicy.DEFAULT_COMPENSATION_ALERT_AFTER))) {
            shortDeadline.start(Orders.shippingToLine(ORDER, "NEVER-ARRIVES 1"));
            shortDeadline.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

            shortDeadline.skip(Duration.ofHours(1));
            assertThat(shortDeadline.workflow(ORDER).state().attention()).isNull();
            shortDeadline.skip(Duration.ofHours(1).plusMinutes(1));
            assertThat(shortDeadline.awaitView(ORDER, "flagged overdue", view -> view.attention() != null)
                    .attention().reason()).isEqualTo(Attention.DELIVERY_OVERDUE);
        }
    }

    @Test
    void anOperatorResolvesAnOverdueDeliveryAsLost() {
        CheckoutWorkflow workflow = env.start(Orders.shippingToLine(ORDER, "NEVER-ARRIVES 1"));
        env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);
        env.skip(CheckoutPolicy.DEFAULT_DELIVERY_DEADLINE.plusMinutes(1));
        env.awaitView(ORDER, "flagged overdue", view -> view.attention() != null);

        workflow.resolveDelivery(new DeliveryResolution(LOST, "carrier confirmed by phone"));

        OrderView view = env.result(ORDER);
        assertThat(view.status()).isEqualTo(FAILED);
        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.DELIVERY_LOST);
        assertThat(view.failure().message()).contains("operator").contains("carrier confirmed by phone");
        assertThat(view.attention()).isNull();
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
        assertThat(env.log().compensations()).containsExactly(DELIVERY_MARK_LOST, PAYMENT_REFUND);
    }

    @Test
    void anOperatorCancellingTheExecutionBeforePickUpCancelsTheShipmentRefundsAndReleasesTheStock() {
        env.delivery().reportingNothing();
        env.start(Orders.sample(ORDER));
        env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

        // What the Web UI's or the CLI's cancel does; the customer's cancel update is refused by now.
        OrderView view = env.cancelExecution(ORDER);
        assertThat(view.status()).isEqualTo(CANCELLED);
        assertThat(view.failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_OPERATOR);
        assertThat(view.failure().step()).isEqualTo(SHIPPING);
        assertThat(view.timeline()).extracting(TimelineEntry::status, TimelineEntry::event)
                .endsWith(tuple(SHIPPING, null), tuple(COMPENSATING, null), tuple(CANCELLED, null));
        assertThat(env.log().compensations()).containsExactly(DELIVERY_CANCEL, PAYMENT_REFUND, STOCK_RELEASE);
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
        assertThat(env.delivery().hasLiveShipment(ORDER)).isFalse();
        assertThat(env.stock().holdsStockFor(ORDER)).isFalse();
        assertThat(env.searchAttributes(ORDER).get(OrderSearchAttributes.ORDER_STATUS)).isEqualTo("CANCELLED");
    }

    @Test
    void goodsOnATruckComeBackToStockOnlyWhenTheCarrierReturnsTheParcel() {
        CheckoutWorkflow workflow = env.start(Orders.shippingToLine(ORDER, "NEVER-ARRIVES 1"));
        env.awaitView(ORDER, "picked up", view -> view.timeline().stream().anyMatch(entry -> entry.event() == PICKED_UP));

        env.requestExecutionCancel(ORDER);
        OrderView refunded = env.awaitView(ORDER, "refunded", view -> env.payment().netChargedCents(ORDER) == 0
                && env.log().compensations().contains(PAYMENT_REFUND));
        assertThat(refunded.status()).isEqualTo(COMPENSATING);
        assertThat(refunded.failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_OPERATOR);
        assertThat(env.delivery().hasLiveShipment(ORDER)).isFalse();
        assertThat(env.stock().holdsStockFor(ORDER)).as("the goods are on a truck, not on the shelf").isTrue();

        workflow.reportCarrierEvent(event("back", RETURNED));

        OrderView view = env.awaitCancelledExecution(ORDER);
        assertThat(view.status()).isEqualTo(CANCELLED);
        assertThat(view.timeline()).extracting(TimelineEntry::status, TimelineEntry::event)
                .endsWith(tuple(COMPENSATING, RETURNED), tuple(CANCELLED, null));
        assertThat(env.log().compensations()).containsExactly(DELIVERY_CANCEL, PAYMENT_REFUND, STOCK_RESTOCK);
        assertThat(env.stock().holdsStockFor(ORDER)).isFalse();
    }

    @Test
    void aParcelCancelledOnATruckThatNeverComesBackIsFlaggedAndAnOperatorDecides() {
        env.start(Orders.shippingToLine(ORDER, "NEVER-ARRIVES 1"));
        env.awaitView(ORDER, "picked up", view -> view.timeline().stream().anyMatch(entry -> entry.event() == PICKED_UP));
        env.requestExecutionCancel(ORDER);
        env.awaitView(ORDER, "refunded", view -> env.log().compensations().contains(PAYMENT_REFUND));

        env.skip(CheckoutPolicy.DEFAULT_DELIVERY_DEADLINE.plusMinutes(1));
        OrderView overdue = env.awaitView(ORDER, "flagged overdue", view -> view.attention() != null);
        assertThat(overdue.attention().reason()).isEqualTo(Attention.DELIVERY_OVERDUE);
        assertThat(overdue.attention().step()).isEqualTo(COMPENSATING);
        env.workflow(ORDER).resolveDelivery(new DeliveryResolution(LOST, "never came back"));

        OrderView view = env.awaitCancelledExecution(ORDER);
        assertThat(view.status()).isEqualTo(CANCELLED);
        assertThat(view.attention()).isNull();
        assertThat(env.log().compensations()).containsExactly(DELIVERY_CANCEL, PAYMENT_REFUND);
        assertThat(env.stock().holdsStockFor(ORDER)).as("lost goods never come back to the shelf").isTrue();
    }

    @Test
    void anOverdueOrderCancelledByAnOperatorIsRefundedAndNoLongerNeedsAttention() {
        env.delivery().reportingNothing();
        env.start(Orders.sample(ORDER));
        env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);
        env.skip(CheckoutPolicy.DEFAULT_DELIVERY_DEADLINE.plusMinutes(1));
        assertThat(env.awaitView(ORDER, "flagged overdue", view -> view.attention() != null).attention().reason())
                .isEqualTo(Attention.DELIVERY_OVERDUE);

        OrderView view = env.cancelExecution(ORDER);
        assertThat(view.status()).isEqualTo(CANCELLED);
        assertThat(view.attention()).isNull();
        assertThat(env.searchAttributes(ORDER).get(OrderSearchAttributes.NEEDS_ATTENTION)).isFalse();
        assertThat(env.payment().netChargedCents(ORDER)).isZero();
        assertThat(env.log().compensations()).containsExactly(DELIVERY_CANCEL, PAYMENT_REFUND, STOCK_RELEASE);
    }

    @Test
    void aResolutionIsRefusedWhileTheDeliveryIsNotOverdue() {
        env.delivery().reportingNothing();
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

        assertThatThrownBy(() -> workflow.resolveDelivery(new DeliveryResolution(DELIVERED, null)))
                .isInstanceOf(WorkflowUpdateException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, rejection ->
                        assertThat(rejection.getType()).isEqualTo(CheckoutFailures.NOT_AWAITING_RESOLUTION));
        assertThat(workflow.state().status()).isEqualTo(SHIPPING);
    }

    @Test
    void aCompensationFailingPastTheThresholdIsFlaggedAndSucceedsWhenRetriedNow() {
        AtomicBoolean stockServiceBack = new AtomicBoolean();
        env.payment().onCharge(Step.failWith(PaymentFailures.PAYMENT_DECLINED, "card declined"));
        env.stock().onRelease((orderId, effect) -> {
            if (!stockServiceBack.get()) {
                throw ApplicationFailure.newFailure("stock database unreachable", Step.TRANSIENT);
            }
            effect.run();
        });
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        OrderView compensating = env.awaitView(ORDER, "compensating", view -> view.status() == COMPENSATING);

        env.skip(CheckoutPolicy.DEFAULT_COMPENSATION_ALERT_AFTER.plusMinutes(1));

        Attention attention = env.awaitView(ORDER, "flagged", view -> view.attention() != null).attention();
        assertThat(attention.reason()).isEqualTo(Attention.COMPENSATION_FAILING);
        assertThat(attention.step()).isEqualTo(OrderStatus.RESERVING_STOCK);
        assertThat(attention.lastError()).isEqualTo("stock database unreachable");
        assertThat(attention.since()).isAfterOrEqualTo(compensating.timeline().get(compensating.timeline().size() - 1).at());
        assertThat(env.searchAttributes(ORDER).get(OrderSearchAttributes.NEEDS_ATTENTION)).isTrue();
        assertThat(workflow.state().status()).as("still retrying").isEqualTo(COMPENSATING);

        stockServiceBack.set(true);
        long attemptsBefore = env.log().attempts(STOCK_RELEASE);
        workflow.retryCompensation();

        OrderView view = env.awaitView(ORDER, "failed", current -> current.status() == FAILED);
        assertThat(env.log().attempts(STOCK_RELEASE)).isGreaterThan(attemptsBefore);
        assertThat(view.attention()).isNull();
        assertThat(view.failure().code()).isEqualTo(PaymentFailures.PAYMENT_DECLINED);
        assertThat(env.stock().holdsStockFor(ORDER)).isFalse();
        assertThat(env.searchAttributes(ORDER).get(OrderSearchAttributes.NEEDS_ATTENTION)).isFalse();
    }

    @Test
    void aRetryNowIsRefusedWhenNoCompensationRuns() {
        env.delivery().reportingNothing();
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

        assertThatThrownBy(workflow::retryCompensation)
                .isInstanceOf(WorkflowUpdateException.class)
                .cause().isInstanceOfSatisfying(ApplicationFailure.class, rejection ->
                        assertThat(rejection.getType()).isEqualTo(CheckoutFailures.NO_COMPENSATION_RUNNING));
    }

    private static CarrierEvent event(String eventId, CarrierEventType type) {
        return new CarrierEvent(eventId, TRACKING, type, Instant.parse("2026-11-30T10:00:00Z"));
    }
}
