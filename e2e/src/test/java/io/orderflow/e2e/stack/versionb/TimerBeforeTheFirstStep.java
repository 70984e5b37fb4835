package io.orderflow.e2e.stack.versionb;

import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * A change to the Checkout workflow that is deliberately NOT guarded by {@code Workflow.getVersion}:
 * a short timer before the saga's first step. An order begun without it cannot replay with it (its
 * history schedules the stock reservation where this code starts a timer), so only pinning keeps
 * such orders off the new build.
 */
public class TimerBeforeTheFirstStep extends WorkerInterceptorBase {

    /** The timer's summary, visible in the history of every order that version B ran. */
    public static final String SUMMARY = "version B: a pause before the first step";
    private static final Duration PAUSE = Duration.ofMillis(10);

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
            @Override
            public WorkflowOutput execute(WorkflowInput input) {
                if ("Checkout".equals(Workflow.getInfo().getWorkflowType())) {
                    Workflow.newTimer(PAUSE, TimerOptions.newBuilder().setSummary(SUMMARY).build()).get();
                }
                return super.execute(input);
            }
        };
    }
}
