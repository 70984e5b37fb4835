package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

class NoCompensationRunningException extends ProblemException {

    NoCompensationRunningException(String orderId, String why) {
        super(HttpStatus.CONFLICT, ProblemTypes.NO_COMPENSATION_RUNNING, "No compensation to retry",
                "Order '" + orderId + "' has nothing to retry: " + why);
    }
}
