package io.orderflow.gateway.orders;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** A carrier event names an order that exists but a tracking number that order does not have. */
class ShipmentNotFoundException extends ProblemException {

    ShipmentNotFoundException(String orderId) {
        super(HttpStatus.NOT_FOUND, ProblemTypes.SHIPMENT_NOT_FOUND, "Shipment not found",
                "Order '" + orderId + "' has no shipment with that tracking number");
    }
}
