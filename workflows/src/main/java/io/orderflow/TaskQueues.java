package io.orderflow;

/**
 * The one place the task-queue names live. Each worker role polls exactly one of them, so a
 * queue's backlog is the signal an autoscaler uses for that role.
 */
public final class TaskQueues {

    public static final String CHECKOUT = "checkout";
    public static final String STOCK = "stock";
    public static final String PAYMENT = "payment";
    public static final String DELIVERY = "delivery";

    private TaskQueues() {
    }
}
