package io.orderflow.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.TaskQueues;
import io.orderflow.cart.EntityHistories;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Walks a customer's list through a repeat and a continue-as-new and records both runs (with
 * {@code -Dorderflow.recordHistories=true}) for the replay test.
 */
class CustomerOrdersHistoryRecorderTest {

    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment(EntityHistories.converter());

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void placedRepeatedAndContinuedPath() {
        String firstRun = placed("o-1");
        placed("o-2");
        placed("o-1");
        // The third signal uses up the run's budget: the list continues as new.
        await().atMost(Duration.ofSeconds(10)).until(() -> !currentRun().equals(firstRun));
        String secondRun = placed("o-3");

        CustomerOrdersWorkflow list = env.client().newWorkflowStub(CustomerOrdersWorkflow.class,
                CustomerOrdersWorkflow.workflowId("recorded"));
        assertThat(list.page(null, 10).orders()).extracting(PlacedOrder::orderId).containsExactly("o-3", "o-2", "o-1");
        assertThat(secondRun).isNotEqualTo(firstRun);
        EntityHistories.recordIfRequested(env.client(), CustomerOrdersWorkflow.TYPE,
                CustomerOrdersWorkflow.workflowId("recorded"), firstRun, "first-run");
        EntityHistories.recordIfRequested(env.client(), CustomerOrdersWorkflow.TYPE,
                CustomerOrdersWorkflow.workflowId("recorded"), secondRun, "second-run");
    }

    private String currentRun() {
        return env.client().newUntypedWorkflowStub(CustomerOrdersWorkflow.workflowId("recorded")).describe()
                .getExecution().getRunId();
    }

    private String placed(String orderId) {
        WorkflowStub stub = env.client().newUntypedWorkflowStub(CustomerOrdersWorkflow.TYPE, WorkflowOptions.newBuilder()
                .setWorkflowId(CustomerOrdersWorkflow.workflowId("recorded"))
                .setTaskQueue(TaskQueues.CHECKOUT)
                .build());
        return stub.signalWithStart("placed", new Object[] {new PlacedOrder(orderId, Instant.parse("2026-11-30T10:00:00Z"))},
                new Object[] {CustomerOrdersInput.first("recorded", 3)}).getRunId();
    }
}
