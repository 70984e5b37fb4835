package io.orderflow.customer;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A sealed page of one customer's order list: workflow type {@value #TYPE}, id
 * {@code customer-order-page-{index}-{customerId}}, started by the {@code CustomerOrders} workflow
 * as a child once it holds two full pages, on the {@code checkout} task queue. It completes at
 * once with its input as its result, so the page is then readable for as long as Temporal keeps
 * the closed workflow, with no worker and no replay.
 */
@WorkflowInterface
public interface CustomerOrdersPageWorkflow {

    String TYPE = "CustomerOrdersPage";

    /**
     * The id of the customer's {@code index}-th page (0 is the oldest). Its prefix differs from
     * {@code customer-orders-}, so no customer id can make a list's id equal to a page's.
     */
    static String workflowId(String customerId, long index) {
        return "customer-order-page-" + index + "-" + customerId;
    }

    @WorkflowMethod(name = TYPE)
    SealedPage seal(SealedPage page);
}
