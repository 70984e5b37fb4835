package io.orderflow.customer;

import java.util.List;

/**
 * A run's start: the customer and, on a continued run, the list so far. Positions count the
 * customer's orders from their first: {@code dropped} positions are gone, the next
 * {@code sealedPages × pageSize} are in closed page workflows, and {@code orders} holds the rest.
 *
 * @param signalsPerRun after this many signals the run continues as new, handing the list over
 * @param dropped how many of the oldest orders were let go by the code before pages existed (it
 *     kept only the newest 10 000), so that positions keep counting from the customer's first order
 * @param orders the orders the list holds itself, oldest first
 * @param pageSize orders per sealed page; {@code 0} in inputs written before pages existed, which
 *     means {@link #DEFAULT_PAGE_SIZE}. Fixed for the list's life, as positions depend on it
 * @param sealedPages how many full pages were sealed into page workflows
 *     ({@link CustomerOrdersPageWorkflow#workflowId(String, long)})
 */
public record CustomerOrdersInput(String customerId, int signalsPerRun, long dropped, List<PlacedOrder> orders,
        int pageSize, long sealedPages) {

    /**
     * 500 orders of at most about 110 bytes each (a 64-character order id and an instant): a page
     * is some 55 KB, and the list itself, which holds between one and two pages, stays near 100 KB,
     * far below Temporal's payload warning (512 KB) and limit (2 MB).
     */
    public static final int DEFAULT_PAGE_SIZE = 500;

    public static CustomerOrdersInput first(String customerId, int signalsPerRun) {
        return first(customerId, signalsPerRun, DEFAULT_PAGE_SIZE);
    }

    public static CustomerOrdersInput first(String customerId, int signalsPerRun, int pageSize) {
        return new CustomerOrdersInput(customerId, signalsPerRun, 0, List.of(), pageSize, 0);
    }
}
