package io.orderflow.gateway.carrier;

import io.orderflow.gateway.problem.ProblemException;
import io.orderflow.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/** The event is not signed by the carrier (or not recently): 401, and nothing in it is looked at. */
class InvalidCarrierSignatureException extends ProblemException {

    InvalidCarrierSignatureException(String why) {
        super(HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_CARRIER_SIGNATURE, "Invalid carrier signature", why);
    }
}
