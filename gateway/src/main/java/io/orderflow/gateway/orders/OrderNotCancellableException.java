package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

class OrderNotCancellableException extends ProblemException {

    OrderNotCancellableException(String orderId, String why) {
        super(HttpStatus.CONFLICT, ProblemTypes.ORDER_NOT_CANCELLABLE, "Order can no longer be cancelled",
                "Order '" + orderId + "' cannot be cancelled: " + why);
    }
}
