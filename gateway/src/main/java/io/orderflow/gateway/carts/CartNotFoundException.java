package io.orderflow.gateway.carts;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** No such cart, or someone else's: the two are told apart by nobody. */
class CartNotFoundException extends ProblemException {

    CartNotFoundException() {
        super(HttpStatus.NOT_FOUND, ProblemTypes.CART_NOT_FOUND, "Cart not found",
                "No cart of yours has that id.");
    }
}
