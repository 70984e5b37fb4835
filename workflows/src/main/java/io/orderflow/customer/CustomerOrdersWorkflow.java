package io.orderflow.customer;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One customer's list of orders, newest last: what "my orders" reads where Temporal has no
 * visibility store, and everywhere else too, so a customer sees an order the moment it is
 * accepted. Workflow type {@value #TYPE}, id {@code customer-orders-{customerId}}, task queue
 * {@code checkout}.
 *
 * <p>The gateway signals-with-start it with every order it is about to start (before starting the
 * order, so no accepted order is missing from the list; an entry whose order never started is
 * skipped by the reader). It holds order ids and when they were placed, nothing else: status and
 * totals are read from the orders themselves. It never ends; it continues as new to stay small,
 * and holds at most two pages of the newest orders: older full pages are sealed into closed page
 * workflows ({@link CustomerOrdersPageWorkflow}).
 */
@WorkflowInterface
public interface CustomerOrdersWorkflow {

    String TYPE = "CustomerOrders";

    static String workflowId(String customerId) {
        return "customer-orders-" + customerId;
    }

    @WorkflowMethod(name = TYPE)
    void run(CustomerOrdersInput input);

    /**
     * Records an order; a repeat of an order id the list still holds (at least its newest page of
     * orders) changes nothing.
     */
    @SignalMethod
    void placed(PlacedOrder order);

    /**
     * Up to {@code size} orders placed before position {@code before} (all of them when
     * {@code null}), newest first, and the position to continue from. Where those orders are in
     * a sealed page, the answer names that page instead ({@link PlacedOrderPage#sealedPage()}).
     */
    @QueryMethod
    PlacedOrderPage page(Long before, int size);
}
