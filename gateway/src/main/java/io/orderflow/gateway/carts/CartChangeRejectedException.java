package io.orderflow.gateway.carts;

import io.orderflow.gateway.problem.ProblemException;
import java.net.URI;
import org.springframework.http.HttpStatus;

/** A well-formed change the cart refuses for what it means: an unknown SKU, a full or an empty cart (422). */
class CartChangeRejectedException extends ProblemException {

    CartChangeRejectedException(URI type, String title, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail);
    }
}
