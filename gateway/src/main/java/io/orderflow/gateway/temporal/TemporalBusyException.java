package io.orderflow.gateway.temporal;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A call to the order service got no answer within its deadline, or could not even be queued (503). */
public class TemporalBusyException extends ProblemException {

    private final Duration retryAfter;

    TemporalBusyException(String why, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.TEMPORAL_UNAVAILABLE, "Order service busy",
                "The order service did not answer in time (" + why + "); retry later.");
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
