package io.orderflow.checkout;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs compensations until they succeed, in rounds a person can watch. A round is one activity call
 * that Temporal retries with backoff for at most the alert threshold; when a compensation has been
 * failing for that long the order is flagged {@code COMPENSATION_FAILING} with the step and the
 * last error, and the next round starts. {@link #retryNow()} ends the waiting: the running round is
 * cancelled and a fresh one starts at once. The flag clears when the compensation finally succeeds.
 *
 * <p>Orders started before this existed keep their single call retried forever (no rounds, no
 * flag): see the version check in {@link CheckoutWorkflowImpl}.
 */
final class CompensationRunner {

    private final OrderState order;
    private final Supplier<CheckoutPolicy> policy;
    private Compensation running;
    private CancellationScope round;
    private boolean retryNowRequested;

    CompensationRunner(OrderState order, Supplier<CheckoutPolicy> policy) {
        this.order = order;
        this.policy = policy;
    }

    /** Blocks until the compensation has succeeded. */
    void run(Compensation compensation) {
        Duration alertAfter = policy.get().compensationAlertAfter();
        running = compensation;
        Instant failingSince = null;
        String lastError = null;
        while (true) {
            Instant roundStart = now();
            retryNowRequested = false;
            round = Workflow.newCancellationScope(() -> compensation.call().accept(
                    StepPolicies.compensationRound(compensation.taskQueue(), compensation.summary(), alertAfter)));
            try {
                round.run();
                break;
            } catch (ActivityFailure | CanceledFailure failure) {
                if (failingSince == null) {
                    failingSince = roundStart;
                }
                if (failure instanceof ActivityFailure activity && !(activity.getCause() instanceof CanceledFailure)) {
                    lastError = StepFailures.lastFailureMessage(activity);
                }
            }
            // A round that ended early (a non-retryable failure) waits out the rest of the threshold,
            // unless an operator asks for a retry now.
            Duration failingFor = Duration.between(failingSince, now());
            if (!retryNowRequested && failingFor.compareTo(alertAfter) < 0) {
                Workflow.await(alertAfter.minus(failingFor), () -> retryNowRequested);
            }
            if (Duration.between(failingSince, now()).compareTo(alertAfter) >= 0) {
                flag(compensation, failingSince, lastError);
            }
        }
        round = null;
        running = null;
        if (failingSince != null && order.attention() != null) {
            order.attentionResolved();
            Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.NEEDS_ATTENTION.valueSet(false));
        }
    }

    /** Whether a compensation is running now, so a retry-now has something to retry. */
    boolean isRunning() {
        return running != null;
    }

    /** Stops waiting for the running round's next retry: cancels it and starts a fresh one. */
    void retryNow() {
        retryNowRequested = true;
        if (round != null) {
            round.cancel("an operator asked to retry the compensation now");
        }
    }

    private void flag(Compensation compensation, Instant since, String lastError) {
        boolean newlyFlagged = order.attention() == null;
        order.needsAttention(new Attention(Attention.COMPENSATION_FAILING, compensation.step(), since, lastError));
        if (newlyFlagged) {
            Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.NEEDS_ATTENTION.valueSet(true));
        }
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
