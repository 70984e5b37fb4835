package io.orderflow.checkout;

import io.orderflow.TaskQueues;
import io.orderflow.delivery.DeliveryFailures;
import io.orderflow.payment.PaymentFailures;
import io.orderflow.stock.StockFailures;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Set;

/**
 * Timeouts and retry policies of the saga's activity calls, in one place so the numbers the other
 * teams rely on (drain grace, Kubernetes grace period) can be checked against them.
 */
final class StepPolicies {

    /** One attempt of any step may take this long; the worker drain grace (30 s) is longer. */
    static final Duration START_TO_CLOSE = Duration.ofSeconds(15);
    /**
     * An attempt of an activity that heartbeats and has not heartbeated for this long is given up
     * as dead (its worker died or lost the network) and retried, instead of after START_TO_CLOSE.
     * The SDK sends at most one heartbeat per 0.8 of it, so it is also about how late a cancel
     * reaches a running attempt (a cancel is delivered on a heartbeat's reply).
     */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(3);
    /**
     * The task queues whose activities heartbeat: payment's charge and refund wait for a remote
     * provider, seconds at times ({@code tok_slow}, injected latency). Stock and delivery run a
     * short database transaction and never wait on anyone: a heartbeat timeout there would only
     * cut short an attempt slowed by a busy database, which START_TO_CLOSE already bounds.
     */
    static final Set<String> HEARTBEATING_TASK_QUEUES = Set.of(TaskQueues.PAYMENT);
    /** A forward step that has not succeeded within this budget fails the order with STEP_TIMED_OUT. */
    static final Duration FORWARD_SCHEDULE_TO_CLOSE = Duration.ofMinutes(3);

    static final Duration INITIAL_RETRY_INTERVAL = Duration.ofSeconds(1);
    static final double BACKOFF_COEFFICIENT = 2.0;
    static final Duration MAXIMUM_RETRY_INTERVAL = Duration.ofSeconds(10);

    /**
     * Business outcomes: retrying cannot change them. The activities already throw them as
     * non-retryable; naming them here as well keeps the saga correct even if one forgets.
     */
    static final String[] STOCK_BUSINESS_FAILURES = {
        StockFailures.OUT_OF_STOCK, StockFailures.UNKNOWN_SKU,
        StockFailures.MIXED_CURRENCY, StockFailures.RESERVATION_RELEASED, StockFailures.INVALID_ORDER_LINES};
    static final String[] PAYMENT_BUSINESS_FAILURES = {
        PaymentFailures.PAYMENT_DECLINED, PaymentFailures.INSUFFICIENT_FUNDS, PaymentFailures.PAYMENT_REFUNDED};
    static final String[] DELIVERY_BUSINESS_FAILURES = {
        DeliveryFailures.ADDRESS_UNSERVICEABLE, DeliveryFailures.SHIPMENT_CANCELLED};

    private StepPolicies() {
    }

    /**
     * A forward step: retried with backoff until it succeeds, fails for a business reason or runs
     * out of budget. On cancel the workflow waits until the running attempt has really ended, so the
     * step's compensation never races with a late attempt of the step itself.
     */
    static ActivityOptions forward(String taskQueue, String summary, String... businessFailures) {
        return attempts(taskQueue, summary)
                .setScheduleToCloseTimeout(FORWARD_SCHEDULE_TO_CLOSE)
                .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
                .setRetryOptions(retry().setDoNotRetry(businessFailures).build())
                .build();
    }

    /**
     * A compensation: it must eventually happen, so it is retried forever (no schedule-to-close
     * limit, no attempt limit). It always runs in a detached scope, so cancellation never reaches it.
     */
    static ActivityOptions compensation(String taskQueue, String summary) {
        return attempts(taskQueue, summary)
                .setRetryOptions(retry().setMaximumAttempts(0).build())
                .build();
    }

    /**
     * One round of a compensation (orders tracked until delivery): retried like any compensation,
     * but for at most {@code budget}, so the workflow learns that it keeps failing and why, flags
     * the order for a person, and starts the next round.
     */
    static ActivityOptions compensationRound(String taskQueue, String summary, Duration budget) {
        return attempts(taskQueue, summary)
                .setScheduleToCloseTimeout(budget)
                .setRetryOptions(retry().setMaximumAttempts(0).build())
                .build();
    }

    /** The worker's configured policy, read once per order as a local activity. */
    static LocalActivityOptions policyLookup() {
        return LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(START_TO_CLOSE)
                .setRetryOptions(retry().build())
                .build();
    }

    /**
     * What every attempt of an activity on {@code taskQueue} is bounded by: START_TO_CLOSE, and the
     * heartbeat timeout where its activities heartbeat. Replay matches an activity command by its
     * type and id, not its timeouts, so histories recorded before the heartbeat timeout still replay.
     */
    private static ActivityOptions.Builder attempts(String taskQueue, String summary) {
        ActivityOptions.Builder options = ActivityOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setSummary(summary)
                .setStartToCloseTimeout(START_TO_CLOSE);
        if (HEARTBEATING_TASK_QUEUES.contains(taskQueue)) {
            options.setHeartbeatTimeout(HEARTBEAT_TIMEOUT);
        }
        return options;
    }

    private static RetryOptions.Builder retry() {
        return RetryOptions.newBuilder()
                .setInitialInterval(INITIAL_RETRY_INTERVAL)
                .setBackoffCoefficient(BACKOFF_COEFFICIENT)
                .setMaximumInterval(MAXIMUM_RETRY_INTERVAL);
    }
}
