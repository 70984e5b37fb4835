package io.orderflow.worker.metrics;

import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import org.springframework.stereotype.Component;

/**
 * Gives every workflow this worker runs an {@link OrderStatusMetrics} on its way out to Temporal,
 * so the dashboards can count orders by status without a line of metrics code in the saga itself.
 * The Temporal starter adds every {@code WorkerInterceptor} bean to its worker factory.
 */
@Component
public class OrderMetricsInterceptor extends WorkerInterceptorBase {

    @Override
    public WorkflowInboundCallsInterceptor interceptWorkflow(WorkflowInboundCallsInterceptor next) {
        return new WorkflowInboundCallsInterceptorBase(next) {
            @Override
            public void init(WorkflowOutboundCallsInterceptor outboundCalls) {
                super.init(new OrderStatusMetrics(outboundCalls));
            }
        };
    }
}
