package io.orderflow.gateway.orders;

import io.orderflow.TaskQueues;
import io.orderflow.customer.CustomerOrdersInput;
import io.orderflow.customer.CustomerOrdersWorkflow;
import io.orderflow.customer.PlacedOrder;
import io.orderflow.gateway.GatewayProperties;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Puts each order on its customer's list (the {@code CustomerOrders} workflow) with one
 * signal-with-start, before the order itself is started: an order that is accepted is on the list,
 * and an entry whose order then failed to start is skipped when the list is read. Repeats (a
 * retried request) are recorded once.
 */
@Component
public class OrderListingRecorder {

    private final WorkflowClient client;
    private final int signalsPerRun;
    private final Clock clock = Clock.systemUTC();

    OrderListingRecorder(WorkflowClient client, GatewayProperties properties) {
        this.client = client;
        this.signalsPerRun = properties.orders().listSignalsPerRun();
    }

    public void placed(String customerId, String orderId) {
        client.newUntypedWorkflowStub(CustomerOrdersWorkflow.TYPE, WorkflowOptions.newBuilder()
                        .setWorkflowId(CustomerOrdersWorkflow.workflowId(customerId))
                        .setTaskQueue(TaskQueues.CHECKOUT)
                        .build())
                .signalWithStart("placed", new Object[] {new PlacedOrder(orderId, clock.instant())},
                        new Object[] {CustomerOrdersInput.first(customerId, signalsPerRun)});
    }
}
