package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The Temporal service behind this gateway has no visibility store that can answer list queries. */
class OrderListingUnavailableException extends ProblemException {

    private final boolean serverCannotList;

    OrderListingUnavailableException(String why, Throwable cause) {
        this(why, false, cause);
    }

    private OrderListingUnavailableException(String why, boolean serverCannotList, Throwable cause) {
        super(HttpStatus.NOT_IMPLEMENTED, ProblemTypes.ORDER_LISTING_UNAVAILABLE, "Order listing unavailable",
                "Listing orders needs a Temporal server with visibility and the OrderStatus/CustomerId "
                        + "search attributes; this one cannot answer (" + why + "). "
                        + (serverCannotList ? "Search one customer's orders, or look orders up by id, instead."
                                : "Look orders up by id instead."),
                cause);
        this.serverCannotList = serverCannotList;
    }

    /** The server implements no workflow listing at all (Temporal's in-process test server). */
    static OrderListingUnavailableException serverCannotList(Throwable cause) {
        return new OrderListingUnavailableException("the server does not implement workflow listing", true, cause);
    }

    boolean serverCannotList() {
        return serverCannotList;
    }
}
