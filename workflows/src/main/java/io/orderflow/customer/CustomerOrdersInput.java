package io.orderflow.customer;

import java.util.List;

/**
 * A run's start: the customer and, on a continued run, the list so far.
 *
 * @param signalsPerRun after this many signals the run continues as new, handing the list over
 * @param dropped how many of the oldest orders were let go to keep the list bounded, so that
 *     positions keep counting from the customer's first order
 * @param orders the kept orders, oldest first
 */
public record CustomerOrdersInput(String customerId, int signalsPerRun, long dropped, List<PlacedOrder> orders) {

    public static CustomerOrdersInput first(String customerId, int signalsPerRun) {
        return new CustomerOrdersInput(customerId, signalsPerRun, 0, List.of());
    }
}
