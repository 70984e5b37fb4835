package io.orderflow.checkout;

/** Failure codes the saga itself produces (the services' codes live beside their activities). */
public final class CheckoutFailures {

    /** A forward step kept failing transiently until its schedule-to-close budget ran out. */
    public static final String STEP_TIMED_OUT = "STEP_TIMED_OUT";
    /** The customer cancelled before delivery was scheduled. */
    public static final String CANCELLED_BY_CUSTOMER = "CANCELLED_BY_CUSTOMER";
    /** Update failure type when a cancel arrives too late or for a finished order. */
    public static final String NOT_CANCELLABLE = "NOT_CANCELLABLE";

    private CheckoutFailures() {
    }
}
