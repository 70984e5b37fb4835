package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

class OrderNotAwaitingResolutionException extends ProblemException {

    OrderNotAwaitingResolutionException(String orderId, String why) {
        super(HttpStatus.CONFLICT, ProblemTypes.ORDER_NOT_AWAITING_RESOLUTION, "Order is not awaiting a resolution",
                "Order '" + orderId + "' cannot be resolved: " + why);
    }
}
