package io.orderflow.checkout;

/** Failure codes the saga itself produces (the services' codes live beside their activities). */
public final class CheckoutFailures {

    /** A forward step kept failing transiently until its schedule-to-close budget ran out. */
    public static final String STEP_TIMED_OUT = "STEP_TIMED_OUT";
    /** The customer cancelled before delivery was scheduled. */
    public static final String CANCELLED_BY_CUSTOMER = "CANCELLED_BY_CUSTOMER";
    /**
     * An operator cancelled the order: through the API (for a customer's order) or by cancelling its
     * workflow execution in the Temporal Web UI or CLI.
     */
    public static final String CANCELLED_BY_OPERATOR = "CANCELLED_BY_OPERATOR";
    /** Update failure type when a cancel arrives too late or for a finished order. */
    public static final String NOT_CANCELLABLE = "NOT_CANCELLABLE";

    /** The carrier (or an operator) reported the parcel lost: refunded, nothing restocked. */
    public static final String DELIVERY_LOST = "DELIVERY_LOST";
    /** The carrier (or an operator) reported the parcel returned: refunded and restocked. */
    public static final String DELIVERY_RETURNED = "DELIVERY_RETURNED";
    /** Update failure type: a carrier event names a shipment this order does not have (yet). */
    public static final String UNKNOWN_SHIPMENT = "UNKNOWN_SHIPMENT";
    /**
     * Update failure type: a carrier event that can change nothing any more (its {@code eventId} was
     * seen, a second pick-up, or anything after the parcel's arrival). Refused before it reaches the
     * order's history; the webhook answers it as a repeat.
     */
    public static final String CARRIER_EVENT_IGNORED = "CARRIER_EVENT_IGNORED";
    /** Update failure type: a resolution for an order whose delivery is not overdue. */
    public static final String NOT_AWAITING_RESOLUTION = "NOT_AWAITING_RESOLUTION";
    /** Update failure type: a resolution naming {@code PICKED_UP}, which resolves nothing. */
    public static final String INVALID_RESOLUTION = "INVALID_RESOLUTION";
    /** Update failure type: a retry-now for an order that is running no compensation. */
    public static final String NO_COMPENSATION_RUNNING = "NO_COMPENSATION_RUNNING";

    private CheckoutFailures() {
    }
}
