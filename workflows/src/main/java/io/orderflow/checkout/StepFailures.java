package io.orderflow.checkout;

import io.temporal.api.enums.v1.RetryState;
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
        if (cause instanceof CanceledFailure) {
            return cancelled("the order was cancelled", step);
        }
        if (cause instanceof ApplicationFailure business
                && failure.getRetryState() == RetryState.RETRY_STATE_NON_RETRYABLE_FAILURE) {
            return new OrderFailure(business.getType(), business.getOriginalMessage(), step);
        }
        // Retries ran out of budget: the server gives up before a retry that would overrun the
        // schedule-to-close timeout (cause: the last attempt's failure) or when it elapses (cause:
        // a TimeoutFailure). Either way the step did not succeed in time.
        Throwable last = cause instanceof TimeoutFailure timeout && timeout.getCause() != null
                ? timeout.getCause()
                : cause;
        return new OrderFailure(CheckoutFailures.STEP_TIMED_OUT,
                step + " did not succeed within " + StepPolicies.FORWARD_SCHEDULE_TO_CLOSE
                        + "; last failure: " + originalMessage(last),
                step);
    }

    /** The message of the last attempt's failure, also when the budget ran out (a timeout wraps it). */
    static String lastFailureMessage(ActivityFailure failure) {
        Throwable cause = failure.getCause();
        Throwable last = cause instanceof TimeoutFailure timeout && timeout.getCause() != null
                ? timeout.getCause()
                : cause;
        return originalMessage(last);
    }

    static OrderFailure cancelled(String message, OrderStatus step) {
        return new OrderFailure(CheckoutFailures.CANCELLED_BY_CUSTOMER, message, step);
    }

    static OrderFailure cancelled(CancelledBy by, String message, OrderStatus step) {
        return by == CancelledBy.OPERATOR
                ? new OrderFailure(CheckoutFailures.CANCELLED_BY_OPERATOR, message, step)
                : cancelled(message, step);
    }

    static boolean isCancel(OrderFailure failure) {
        return CheckoutFailures.CANCELLED_BY_CUSTOMER.equals(failure.code())
                || CheckoutFailures.CANCELLED_BY_OPERATOR.equals(failure.code());
    }

    private static String originalMessage(Throwable failure) {
        if (failure instanceof ApplicationFailure application) {
            return application.getOriginalMessage();
        }
        return failure == null ? "none" : failure.getMessage();
    }
}
