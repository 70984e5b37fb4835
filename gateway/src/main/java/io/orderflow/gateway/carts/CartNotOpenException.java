package io.orderflow.gateway.carts;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

class CartNotOpenException extends ProblemException {

    CartNotOpenException(String cartId, String why) {
        super(HttpStatus.CONFLICT, ProblemTypes.CART_NOT_OPEN, "Cart not open",
                "Cart '" + cartId + "' takes no changes: " + why);
    }
}
