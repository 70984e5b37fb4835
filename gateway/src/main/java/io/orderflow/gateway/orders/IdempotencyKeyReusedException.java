package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

class IdempotencyKeyReusedException extends ProblemException {

    IdempotencyKeyReusedException(String key) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused",
                "Idempotency-Key '" + key + "' was already used for a different request body; "
                        + "use a new key for a new order.");
    }
}
