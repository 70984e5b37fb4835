package io.orderflow.gateway.orders;

import io.orderflow.TaskQueues;
import io.orderflow.customer.CustomerOrdersInput;
import io.orderflow.customer.CustomerOrdersWorkflow;
import io.orderflow.customer.PlacedOrder;
import io.orderflow.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Puts each order on its customer's list (the {@code CustomerOrders} workflow) with one
 * signal-with-start, before the order itself is started: an order that is accepted is on the list,
 * and an entry whose order then failed to start is skipped when the list is read. Repeats (a
 * retried request) are recorded once. The time it adds to placing an order is the timer
 * {@value #TIMER}.
 */
@Component
public class OrderListingRecorder {

    static final String TIMER = "orderflow.gateway.orders.listed";

    private final WorkflowClient client;
    private final int signalsPerRun;
    private final Timer timer;
    private final Clock clock = Clock.systemUTC();

    OrderListingRecorder(WorkflowClient client, GatewayProperties properties, MeterRegistry meters) {
        this.client = client;
        this.signalsPerRun = properties.orders().listSignalsPerRun();
        this.timer = Timer.builder(TIMER)
                .description("putting an order on its customer's list (one signal-with-start)")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
    }

    public void placed(String customerId, String orderId) {
        timer.record(() -> signal(customerId, orderId));
    }

    private void signal(String customerId, String orderId) {
        try {
            signalWithStart(customerId, orderId);
        } catch (WorkflowExecutionAlreadyStarted raced) {
            // A customer's first orders placed at the same moment: Temporal's in-process test server
            // lets one signal-with-start create the list and refuses the others instead of
            // signalling the list it just created. It exists now, so once more lands.
            signalWithStart(customerId, orderId);
        }
    }

    private void signalWithStart(String customerId, String orderId) {
        client.newUntypedWorkflowStub(CustomerOrdersWorkflow.TYPE, WorkflowOptions.newBuilder()
                        .setWorkflowId(CustomerOrdersWorkflow.workflowId(customerId))
                        .setTaskQueue(TaskQueues.CHECKOUT)
                        .build())
                .signalWithStart("placed", new Object[] {new PlacedOrder(orderId, clock.instant())},
                        new Object[] {CustomerOrdersInput.first(customerId, signalsPerRun)});
    }
}
