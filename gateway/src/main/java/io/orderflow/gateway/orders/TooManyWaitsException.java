package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** This gateway already holds as many {@code waitForTerminal} calls as it is configured to (429). */
class TooManyWaitsException extends ProblemException {

    private final Duration retryAfter;

    TooManyWaitsException(int limit, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_WAITS, "Too many waiting requests",
                "This gateway is already holding " + limit + " waits for orders to finish; "
                        + "retry later, or read the order without waitForTerminal.");
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
