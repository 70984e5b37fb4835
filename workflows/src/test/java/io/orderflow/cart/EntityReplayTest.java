package io.orderflow.cart;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.customer.CustomerOrdersPageWorkflow;
import io.orderflow.customer.CustomerOrdersPageWorkflowImpl;
import io.orderflow.customer.CustomerOrdersWorkflow;
import io.orderflow.customer.CustomerOrdersWorkflowImpl;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every recorded cart and customer-order-list history against today's code: a change that
 * fails here would break carts and lists that are open in production right now. Guard it with
 * {@code Workflow.getVersion}, as for the checkout (see the module README).
 */
class EntityReplayTest {

    @TestFactory
    Stream<DynamicTest> everyRecordedCartPathReplays() {
        return replayAll(CartWorkflow.TYPE, CartWorkflowImpl.class, 4);
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedCustomerOrderListReplays() {
        return replayAll(CustomerOrdersWorkflow.TYPE, CustomerOrdersWorkflowImpl.class, 6);
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedCustomerOrderPageReplays() {
        return replayAll(CustomerOrdersPageWorkflow.TYPE, CustomerOrdersPageWorkflowImpl.class, 1);
    }

    private static Stream<DynamicTest> replayAll(String type, Class<?> implementation, int minimum) {
        List<Path> histories = EntityHistories.of(type);
        assertThat(histories).as("recorded %s histories", type).hasSizeGreaterThanOrEqualTo(minimum);
        return histories.stream().map(file -> DynamicTest.dynamicTest(type + "/" + file.getFileName(),
                () -> replay(file, implementation)));
    }

    private static void replay(Path file, Class<?> implementation) throws Exception {
        WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(file));
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder()
                .setWorkflowClientOptions(WorkflowClientOptions.newBuilder()
                        .setDataConverter(EntityHistories.converter())
                        .build())
                .build())) {
            WorkflowReplayer.replayWorkflowExecution(history, env, implementation);
        }
    }
}
