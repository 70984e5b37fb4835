package io.orderflow.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.testing.CallLog;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.orderflow.testing.Orders;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The workflow id is the order id, so a retried or duplicated "place order" never makes two orders. */
class IdempotentStartTest {

    private static final String ORDER = "o-9";

    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment();

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void startingTheSameOrderTwiceWithUseExistingJoinsTheOneExecution() {
        WorkflowExecution first = startUsingExisting();
        WorkflowExecution second = startUsingExisting();

        assertThat(second.getRunId()).isEqualTo(first.getRunId());
        assertThat(env.result(ORDER).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(env.log().attempts(CallLog.PAYMENT_CHARGE)).isEqualTo(1);
        assertThat(env.payment().netChargedCents(ORDER)).isEqualTo(Orders.SAMPLE_TOTAL_CENTS);
    }

    @Test
    void startingTheSameOrderTwiceWithTheDefaultPolicyIsRefused() {
        env.start(Orders.sample(ORDER));

        assertThatThrownBy(() -> env.start(Orders.sample(ORDER)))
                .isInstanceOf(WorkflowExecutionAlreadyStarted.class);
        assertThat(env.result(ORDER).status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(env.log().attempts(CallLog.STOCK_RESERVE)).isEqualTo(1);
    }

    private WorkflowExecution startUsingExisting() {
        CheckoutWorkflow workflow = env.client().newWorkflowStub(CheckoutWorkflow.class,
                CheckoutTestEnvironment.optionsFor(ORDER)
                        .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                        .build());
        return WorkflowClient.start(workflow::checkout, Orders.sample(ORDER));
    }
}
