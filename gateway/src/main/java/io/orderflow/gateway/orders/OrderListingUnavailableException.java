package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The Temporal service behind this gateway has no visibility store that can answer list queries. */
class OrderListingUnavailableException extends ProblemException {

    OrderListingUnavailableException(String why, Throwable cause) {
        super(HttpStatus.NOT_IMPLEMENTED, ProblemTypes.ORDER_LISTING_UNAVAILABLE, "Order listing unavailable",
                "Listing orders needs a Temporal server with visibility and the OrderStatus/CustomerId "
                        + "search attributes; this one cannot answer (" + why + "). Look orders up by id instead.",
                cause);
    }
}
