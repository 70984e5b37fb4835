package io.orderflow.worker.metrics;

import io.orderflow.checkout.OrderSearchAttributes;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptor;
import io.temporal.common.interceptors.WorkflowOutboundCallsInterceptorBase;
import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * Counts what the checkout tells Temporal's visibility about an order, at the moment it says it:
 * every status an order enters ({@value #STATUS_ENTERED}, tag {@code status}) and every time an
 * order is flagged as needing an operator ({@value #ATTENTION_FLAGGED}).
 *
 * <p>The workflow already upserts its status as a search attribute on every change, so these
 * counters follow the saga exactly and need no change to it. They go through
 * {@link Workflow#getMetricsScope()}, which emits nothing while a workflow is replayed: an order
 * is counted once, however often a worker rebuilds its state. The scope also carries the SDK's own
 * tags (namespace, task queue, workflow type).
 */
final class OrderStatusMetrics extends WorkflowOutboundCallsInterceptorBase {

    /** Prometheus: {@code orderflow_order_status_entered_total{status="COMPLETED",...}}. */
    static final String STATUS_ENTERED = "orderflow_order_status_entered";
    /** Prometheus: {@code orderflow_order_attention_flagged_total}. */
    static final String ATTENTION_FLAGGED = "orderflow_order_attention_flagged";
    /** The Bool search attribute that marks an order an operator must look at. */
    static final String NEEDS_ATTENTION = "NeedsAttention";

    OrderStatusMetrics(WorkflowOutboundCallsInterceptor next) {
        super(next);
    }

    @Override
    public void upsertTypedSearchAttributes(SearchAttributeUpdate<?>... updates) {
        super.upsertTypedSearchAttributes(updates);
        for (SearchAttributeUpdate<?> update : updates) {
            String name = update.getKey().getName();
            if (name.equals(OrderSearchAttributes.ORDER_STATUS.getName())) {
                update.getValue().ifPresent(status -> Workflow.getMetricsScope()
                        .tagged(Map.of("status", status.toString()))
                        .counter(STATUS_ENTERED).inc(1));
            } else if (name.equals(NEEDS_ATTENTION) && update.getValue().filter(Boolean.TRUE::equals).isPresent()) {
                Workflow.getMetricsScope().counter(ATTENTION_FLAGGED).inc(1);
            }
        }
    }
}
