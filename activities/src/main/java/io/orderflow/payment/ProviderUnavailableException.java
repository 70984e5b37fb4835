package io.orderflow.payment;

/** The provider could not answer right now (timeout, outage); the call may be retried. */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }
}
