package io.orderflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.TaskQueues;
import io.orderflow.testing.CheckoutTestEnvironment;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CustomerOrdersWorkflowTest {

    private static final String CUSTOMER = "alice";
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    private final CheckoutTestEnvironment env = new CheckoutTestEnvironment();

    @AfterEach
    void stopTestServer() {
        env.close();
    }

    @Test
    void theFirstOrderStartsTheListAndEachFurtherOneJoinsIt() {
        placed(1000, "o-1");
        placed(1000, "o-2");

        assertThat(list().page(null, 10).orders()).extracting(PlacedOrder::orderId).containsExactly("o-2", "o-1");
    }

    @Test
    void anOrderReportedTwiceIsListedOnce() {
        placed(1000, "o-1");
        placed(1000, "o-1");
        placed(1000, "o-2");

        assertThat(list().page(null, 10).orders()).extracting(PlacedOrder::orderId).containsExactly("o-2", "o-1");
    }

    @Test
    void pagesGoNewestFirstAndStayPutWhileNewOrdersArrive() {
        for (int i = 1; i <= 5; i++) {
            placed(1000, "o-" + i);
        }

        PlacedOrderPage first = list().page(null, 2);
        placed(1000, "o-6");
        PlacedOrderPage second = list().page(first.next(), 2);
        PlacedOrderPage last = list().page(second.next(), 2);

        assertThat(first.orders()).extracting(PlacedOrder::orderId).containsExactly("o-5", "o-4");
        assertThat(second.orders()).extracting(PlacedOrder::orderId).containsExactly("o-3", "o-2");
        assertThat(last.orders()).extracting(PlacedOrder::orderId).containsExactly("o-1");
        assertThat(last.next()).isNull();
    }

    @Test
    void continuesAsNewAfterItsSignalBudgetAndLosesNothing() {
        String firstRun = placed(3, "o-1");
        for (int i = 2; i <= 7; i++) {
            placed(3, "o-" + i);
        }

        List<String> all = new ArrayList<>();
        list().page(null, 100).orders().forEach(order -> all.add(order.orderId()));
        assertThat(all).containsExactly("o-7", "o-6", "o-5", "o-4", "o-3", "o-2", "o-1");
        assertThat(WorkflowStub.fromTyped(list()).describe().getExecution().getRunId()).isNotEqualTo(firstRun);
    }

    /** What the gateway does for every order it starts: signal-with-start; returns the run it reached. */
    private String placed(int signalsPerRun, String orderId) {
        WorkflowStub stub = env.client().newUntypedWorkflowStub(CustomerOrdersWorkflow.TYPE, WorkflowOptions.newBuilder()
                .setWorkflowId(CustomerOrdersWorkflow.workflowId(CUSTOMER))
                .setTaskQueue(TaskQueues.CHECKOUT)
                .build());
        return stub.signalWithStart("placed", new Object[] {new PlacedOrder(orderId, T0)},
                new Object[] {CustomerOrdersInput.first(CUSTOMER, signalsPerRun)}).getRunId();
    }

    private CustomerOrdersWorkflow list() {
        return env.client().newWorkflowStub(CustomerOrdersWorkflow.class, CustomerOrdersWorkflow.workflowId(CUSTOMER));
    }
}
