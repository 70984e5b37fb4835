package io.orderflow.testing;

import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.DynamicSignalHandler;
import io.temporal.workflow.Workflow;

/**
 * Holds the child workflow starts of one workflow id until that workflow gets the
 * {@link #RELEASE} signal, so a test can act inside the window in which a cart has recorded its
 * checkout but its order does not exist yet (on a real server that window is a round trip long).
 * Every other workflow runs untouched. Deterministic: the hold depends only on the workflow's id and
 * its own history.
 */
public final class HeldOrderStarts extends WorkerInterceptorBase {

    public static final String RELEASE = "test-release-held-order-start";

    private final String heldWorkflowId;

    public HeldOrderStarts(String heldWorkflowId) {
        this.heldWorkflowId = heldWorkflowId;
    }

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
            @Override
            public void init(WorkflowOutboundCallsInterceptor outbound) {
                super.init(heldWorkflowId.equals(Workflow.getInfo().getWorkflowId()) ? new Held(outbound) : outbound);
            }
        };
    }

    private static final class Held extends WorkflowOutboundCallsInterceptorBase {

        private boolean released;

        Held(WorkflowOutboundCallsInterceptor next) {
            super(next);
        }

        @Override
        public <R> ChildWorkflowOutput<R> executeChildWorkflow(ChildWorkflowInput<R> input) {
            Workflow.registerListener((DynamicSignalHandler) (signal, arguments) -> released |= RELEASE.equals(signal));
            Workflow.await(() -> released);
            return super.executeChildWorkflow(input);
        }
    }
}
