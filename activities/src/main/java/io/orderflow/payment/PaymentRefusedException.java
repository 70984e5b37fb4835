package io.orderflow.payment;

/** The provider refused the charge for a business reason; {@code failureType} is from {@link PaymentFailures}. */
public class PaymentRefusedException extends RuntimeException {

    private final String failureType;

    public PaymentRefusedException(String failureType, String message) {
        super(message);
        this.failureType = failureType;
    }

    public String failureType() {
        return failureType;
    }
}
