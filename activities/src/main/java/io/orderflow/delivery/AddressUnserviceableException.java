package io.orderflow.delivery;

/** The carrier does not deliver to the address; a business refusal, not worth retrying. */
public class AddressUnserviceableException extends RuntimeException {

    public AddressUnserviceableException(String message) {
        super(message);
    }
}
