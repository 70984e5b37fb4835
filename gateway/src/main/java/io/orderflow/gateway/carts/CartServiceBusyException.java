package io.orderflow.gateway.carts;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A cart Update got no answer within its deadline, or could not even be queued (503). */
class CartServiceBusyException extends ProblemException {

    private final Duration retryAfter;

    CartServiceBusyException(String why, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.TEMPORAL_UNAVAILABLE, "Order service busy",
                "The order service did not answer in time (" + why + "); retry later.");
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
