package io.orderflow.checkout;

import static io.orderflow.checkout.OrderStatus.CANCELLED;
import static io.orderflow.checkout.OrderStatus.CHARGING_PAYMENT;
import static io.orderflow.checkout.OrderStatus.COMPLETED;
import static io.orderflow.checkout.OrderStatus.FAILED;
import static io.orderflow.checkout.OrderStatus.SHIPPING;
import static io.orderflow.testing.CallLog.PAYMENT_CHARGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.payment.PaymentFailures;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.Orders;
import io.orderflow.testing.Step;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowStub;
import org.awaitility.Awaitility;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * However an order closes, its final view stays where a closed workflow keeps it (the memo), so it
 * can be read with no worker of its build running. The SDK closes a cancel-requested execution as
 * CANCELED with no result, and a terminated one runs no code at all: both would otherwise leave
 * nothing but a query, which needs the order's (possibly retired) build.
 */
class ClosedOrderViewTest {

    private static final String ORDER = "o-kept";

    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment();

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void aCompletedOrderKeepsItsFinalViewInTheMemo() {
        OrderView result = env.run(Orders.sample(ORDER));

        assertThat(result.status()).isEqualTo(COMPLETED);
        assertThat(env.keptView(ORDER)).isEqualTo(result);
    }

    @Test
    void aFailedOrderKeepsItsFinalViewInTheMemo() {
        env.payment().onCharge(Step.failWith(PaymentFailures.PAYMENT_DECLINED, "card declined"));

        OrderView result = env.run(Orders.sample(ORDER));

        assertThat(result.status()).isEqualTo(FAILED);
        assertThat(env.keptView(ORDER)).isEqualTo(result);
    }

    @Test
    void anOrderTheCustomerCancelledKeepsItsFinalViewInTheMemo() {
        env.payment().onCharge(Step.failTransiently("provider unavailable"));
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        env.log().awaitAttempts(PAYMENT_CHARGE, 1);

        workflow.cancel("changed my mind", CancelledBy.CUSTOMER);

        OrderView result = env.result(ORDER);
        assertThat(result.status()).isEqualTo(CANCELLED);
        assertThat(result.failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_CUSTOMER);
        assertThat(env.keptView(ORDER)).isEqualTo(result);
    }

    @Test
    void anOperatorsCancelThroughTheApiIsTheOperatorsAndKeepsItsViewInTheMemo() {
        env.payment().onCharge(Step.failTransiently("provider unavailable"));
        CheckoutWorkflow workflow = env.start(Orders.sample(ORDER));
        env.log().awaitAttempts(PAYMENT_CHARGE, 1);

        workflow.cancel("fraud check", CancelledBy.OPERATOR);

        OrderView result = env.result(ORDER);
        assertThat(result.status()).isEqualTo(CANCELLED);
        assertThat(result.failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_OPERATOR);
        assertThat(result.failure().message()).isEqualTo("cancelled by an operator: fraud check");
        assertThat(result.failure().step()).isEqualTo(CHARGING_PAYMENT);
        assertThat(env.keptView(ORDER)).isEqualTo(result);
    }

    @Test
    void anExecutionCancelledByAnOperatorKeepsTheViewTheSdkThrowsAway() {
        env.delivery().reportingNothing();
        env.start(Orders.sample(ORDER));
        OrderView shipping = env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

        OrderView kept = env.cancelExecution(ORDER);

        assertThat(WorkflowStub.fromTyped(env.workflow(ORDER)).describe().getStatus())
                .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CANCELED);
        assertThat(kept.status()).isEqualTo(CANCELLED);
        assertThat(kept.failure().code()).isEqualTo(CheckoutFailures.CANCELLED_BY_OPERATOR);
        assertThat(kept.totalCents()).isEqualTo(shipping.totalCents());
        assertThat(kept.trackingNumber()).isEqualTo(shipping.trackingNumber());
    }

    @Test
    void aTerminatedOrderKeepsTheViewOfTheLastStatusItReached() {
        env.delivery().reportingNothing();
        env.start(Orders.sample(ORDER));
        OrderView shipping = env.awaitView(ORDER, "shipping", view -> view.status() == SHIPPING);

        WorkflowStub.fromTyped(env.workflow(ORDER)).terminate("operator: stuck in a test");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                WorkflowStub.fromTyped(env.workflow(ORDER)).describe().getStatus()
                        == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);

        assertThat(env.keptView(ORDER)).isEqualTo(shipping);
    }
}
