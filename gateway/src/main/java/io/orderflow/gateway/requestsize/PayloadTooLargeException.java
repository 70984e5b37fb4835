package io.orderflow.gateway.requestsize;

import java.io.IOException;

/**
 * Thrown while reading a request body that turns out to be larger than allowed. An
 * {@link IOException} so that it travels through the JSON reader to {@link ProblemHandler}.
 */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limitBytes) {
        super("The request body exceeds " + limitBytes + " bytes");
    }
}
