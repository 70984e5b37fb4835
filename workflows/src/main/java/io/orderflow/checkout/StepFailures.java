package io.orderflow.checkout;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TimeoutFailure;

/** Turns the way a forward step ended into the {@link OrderFailure} the customer sees. */
final class StepFailures {

    private StepFailures() {
    }

    static OrderFailure of(ActivityFailure failure, OrderStatus step) {
        Throwable cause = failure.getCause();
        if (cause instanceof ApplicationFailure business) {
            // Only non-retryable (business) failures get here: every other one is retried until the budget ends.
            return new OrderFailure(business.getType(), business.getOriginalMessage(), step);
        }
        if (cause instanceof CanceledFailure) {
            return cancelled("the order was cancelled", step);
        }
        String last = cause instanceof TimeoutFailure timeout && timeout.getCause() != null
                ? "; last failure: " + originalMessage(timeout.getCause())
                : "; " + originalMessage(cause);
        // A timeout, or the server ended the step some other way: either way the step did not
        // succeed within its budget, and the order must not wait for it any longer.
        return new OrderFailure(CheckoutFailures.STEP_TIMED_OUT,
                step + " did not succeed within " + StepPolicies.FORWARD_SCHEDULE_TO_CLOSE + last, step);
    }

    static OrderFailure cancelled(String message, OrderStatus step) {
        return new OrderFailure(CheckoutFailures.CANCELLED_BY_CUSTOMER, message, step);
    }

    private static String originalMessage(Throwable failure) {
        if (failure instanceof ApplicationFailure application) {
            return application.getOriginalMessage();
        }
        return failure == null ? "none" : failure.getMessage();
    }
}
