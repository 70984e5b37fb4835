package io.orderflow.gateway.ratelimit;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The caller spent its request budget for now (429 with Retry-After). */
class RateLimitedException extends ProblemException {

    private final Duration retryAfter;

    RateLimitedException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too many requests",
                "You are sending requests faster than this API allows; retry after the time in Retry-After.");
        this.retryAfter = retryAfter;
    }

    @Override
    public Duration retryAfter() {
        return retryAfter;
    }
}
