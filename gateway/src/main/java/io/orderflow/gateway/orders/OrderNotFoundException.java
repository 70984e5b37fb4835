package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.gateway.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

class OrderNotFoundException extends ProblemException {

    OrderNotFoundException(String orderId) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.ORDER_NOT_FOUND, "Order not found",
                "No order with id '" + orderId + "' exists.");
    }
}
