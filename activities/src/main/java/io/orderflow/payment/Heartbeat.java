package io.orderflow.payment;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;

/**
 * What a call to the provider reports while it waits: that the attempt running it is still alive.
 * Within a Temporal activity it is the attempt's heartbeat, so a dead worker is noticed after the
 * heartbeat timeout rather than the whole start-to-close timeout, and it is also how the attempt
 * hears that it must stop: a cancel of the step, a heartbeat that timed out, or a worker shutting
 * down make {@link #beat()} throw (Temporal's {@code ActivityCompletionException}). A call that
 * gets that exception stops before any money moves and lets it propagate.
 */
@FunctionalInterface
public interface Heartbeat {

    /** For a call made outside any activity attempt: nothing to report to, nothing can stop it. */
    Heartbeat NONE = () -> {
    };

    /** Reports progress; throws if the attempt must stop now. Cheap: Temporal throttles what it sends. */
    void beat();

    /**
     * The heartbeat of the activity attempt running on this thread, or {@link #NONE} when there is
     * none (the service's own tests call the activities directly). Must be called on the activity's
     * thread; the result may then be used from any thread.
     */
    static Heartbeat ofCurrentAttempt() {
        ActivityExecutionContext attempt;
        try {
            attempt = Activity.getExecutionContext();
        } catch (IllegalStateException notInAnActivity) {
            return NONE;
        }
        return () -> attempt.heartbeat(null);
    }
}
