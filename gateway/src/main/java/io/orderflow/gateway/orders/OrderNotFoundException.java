package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

class OrderNotFoundException extends ProblemException {

    OrderNotFoundException(String orderId) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.ORDER_NOT_FOUND, "Order not found",
                "No order with id '" + orderId + "' exists.");
    }

    private OrderNotFoundException() {
        super(HttpStatus.NOT_FOUND, ProblemTypes.ORDER_NOT_FOUND, "Order not found",
                "No order has an id of that form (1-64 characters of A-Z, a-z, 0-9, '_' or '-').");
    }

    /** For an id that no order could have; the id itself is not repeated. */
    static OrderNotFoundException malformed() {
        return new OrderNotFoundException();
    }
}
