package io.orderflow.gateway.carts;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

class CartExpiredException extends ProblemException {

    CartExpiredException(String cartId) {
        super(HttpStatus.GONE, ProblemTypes.CART_EXPIRED, "Cart expired",
                "Cart '" + cartId + "' was left unchanged past its idle time and has expired; start a new one.");
    }
}
