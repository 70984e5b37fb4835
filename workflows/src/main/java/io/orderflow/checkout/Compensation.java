package io.orderflow.checkout;

import io.temporal.activity.ActivityOptions;
import java.util.function.Consumer;

/**
 * One undo (or after-delivery) action of the saga: the status whose work it undoes, where and under
 * which summary it runs, and the activity call itself, which takes the options to run with (the
 * retry policy depends on the order's version, see {@link CompensationRunner}).
 */
record Compensation(OrderStatus step, String taskQueue, String summary, Consumer<ActivityOptions> call) {
}
