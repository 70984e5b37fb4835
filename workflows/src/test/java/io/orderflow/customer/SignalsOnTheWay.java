package io.orderflow.customer;

import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Puts a signal for a customer's list on the server at one exact moment, from inside the worker:
 * while the list's workflow task is about to complete with its continue-as-new, or while one of
 * its pages is running. The signal is sent (and stored by the server) before the worker goes on,
 * so the race the test is about happens every time, not by chance. Once per arming.
 */
final class SignalsOnTheWay extends WorkerInterceptorBase {

    private final AtomicReference<WorkflowClient> client;
    private final String customerId;
    private final AtomicReference<PlacedOrder> beforeContinueAsNew = new AtomicReference<>();
    private final AtomicReference<PlacedOrder> whileSealing = new AtomicReference<>();
    private final AtomicBoolean sent = new AtomicBoolean();

    /** {@code client} is set once the test server it belongs to is up. */
    SignalsOnTheWay(AtomicReference<WorkflowClient> client, String customerId) {
        this.client = client;
        this.customerId = customerId;
    }

    void whenContinuingAsNew(PlacedOrder order) {
        beforeContinueAsNew.set(order);
    }

    void whenSealing(PlacedOrder order) {
        whileSealing.set(order);
    }

    boolean sent() {
        return sent.get();
    }

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
            @Override
            public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
                super.init(new WorkflowOutboundCallsInterceptorBase(outboundCalls) {
                    @Override
                    public void continueAsNew(ContinueAsNewInput input) {
                        if (!Workflow.isReplaying()) {
                            send(beforeContinueAsNew.getAndSet(null));
                        }
                        super.continueAsNew(input);
                    }
                });
            }

            @Override
            public WorkflowOutput execute(WorkflowInput input) {
                if (CustomerOrdersPageWorkflow.TYPE.equals(Workflow.getInfo().getWorkflowType())
                        && !Workflow.isReplaying()) {
                    send(whileSealing.getAndSet(null));
                }
                return super.execute(input);
            }
        };
    }

    private void send(PlacedOrder order) {
        if (order == null) {
            return;
        }
        // A client cannot be called from a workflow thread: another thread sends it, and this one
        // waits the few milliseconds that takes (far below the SDK's one-second deadlock limit).
        CompletableFuture.runAsync(() -> client.get().newUntypedWorkflowStub(CustomerOrdersWorkflow.workflowId(customerId))
                .signal("placed", order)).join();
        sent.set(true);
    }
}
