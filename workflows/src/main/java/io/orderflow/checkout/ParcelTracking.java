package io.orderflow.checkout;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;

/**
 * The order's parcel once it is with the carrier: the carrier's events (through the signed webhook)
 * and an operator's resolution of an overdue delivery, in the order they arrived. The saga asks it
 * to {@link #awaitArrival wait} until the parcel was delivered, lost or returned; everything else
 * about a shipment lives here, as the undo steps live in {@link Compensations}.
 *
 * <p>An event that cannot change the order any more (its {@code eventId} was seen, a second
 * pick-up, anything after the arrival) is refused by {@link #validate}, so a carrier resending it
 * adds nothing to the order's history. Events may come before the booking's reply (the carrier can
 * be faster than the activity's answer); they wait in the queue until the order is shipping.
 */
final class ParcelTracking {

    private final String orderId;
    private final OrderState order;
    private final Set<String> seenEvents = new HashSet<>();
    private final Queue<CarrierEvent> unapplied = new ArrayDeque<>();
    /** A pick-up was reported (applied or still queued). */
    private boolean pickupReported;
    /** An arrival was reported (applied or still queued), or an operator resolved the delivery. */
    private boolean arrivalReported;
    /** The pick-up has taken effect: the goods left the warehouse. */
    private boolean pickedUp;
    private DeliveryResolution resolution;
    /** True while {@link #awaitArrival} waits: the only time an operator's resolution means anything. */
    private boolean awaiting;
    /**
     * False for orders started before repeats were refused: they queued every new {@code eventId}
     * (a second pick-up woke the wait and restarted its timer), and their histories must replay so.
     */
    private boolean refuseRepeats;

    ParcelTracking(String orderId, OrderState order) {
        this.orderId = orderId;
        this.order = order;
    }

    /** Called once, when the order starts, for orders whose version refuses repeats. */
    void refuseRepeats() {
        refuseRepeats = true;
    }

    /**
     * Refuses an event that names another shipment ({@code UNKNOWN_SHIPMENT}) and one that can no
     * longer change anything ({@code CARRIER_EVENT_IGNORED}). Validators never change state.
     */
    void validate(CarrierEvent event) {
        String trackingNumber = order.trackingNumber();
        boolean known = trackingNumber != null
                ? trackingNumber.equals(event.trackingNumber())
                // The carrier may be faster than the reply of the booking.
                : order.status() == OrderStatus.SCHEDULING_DELIVERY;
        if (!known) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + orderId + " has no shipment " + event.trackingNumber(),
                    CheckoutFailures.UNKNOWN_SHIPMENT);
        }
        if (changesNothing(event)) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "event " + event.eventId() + " changes nothing for order " + orderId,
                    CheckoutFailures.CARRIER_EVENT_IGNORED);
        }
    }

    /** Takes an event; {@code DUPLICATE} for one that changes nothing (orders whose validator let it in). */
    CarrierEventReceipt report(CarrierEvent event) {
        if (changesNothing(event)) {
            seenEvents.add(event.eventId());
            return CarrierEventReceipt.DUPLICATE;
        }
        seenEvents.add(event.eventId());
        unapplied.add(event);
        if (event.type().isArrival()) {
            arrivalReported = true;
        } else {
            pickupReported = true;
        }
        return CarrierEventReceipt.ACCEPTED;
    }

    /** A seen {@code eventId}; for orders that refuse repeats also a second pick-up or anything after the arrival. */
    private boolean changesNothing(CarrierEvent event) {
        return seenEvents.contains(event.eventId())
                || (refuseRepeats && (arrivalReported
                        || (event.type() == CarrierEventType.PICKED_UP && pickupReported)));
    }

    void validateResolution(DeliveryResolution proposed) {
        if (proposed == null || proposed.outcome() == null || !proposed.outcome().isArrival()) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "a delivery is resolved as DELIVERED, LOST or RETURNED", CheckoutFailures.INVALID_RESOLUTION);
        }
        Attention attention = order.attention();
        boolean overdue = awaiting && resolution == null && attention != null
                && Attention.DELIVERY_OVERDUE.equals(attention.reason());
        if (!overdue) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + orderId + " is " + order.status() + " and not waiting for a resolution",
                    CheckoutFailures.NOT_AWAITING_RESOLUTION);
        }
    }

    void resolve(DeliveryResolution decided) {
        resolution = decided;
        arrivalReported = true;
    }

    /** Whether the goods are known to have left the warehouse (the carrier reported the pick-up). */
    boolean pickedUp() {
        return pickedUp;
    }

    /**
     * Waits until the carrier (or an operator) says how the delivery ended; past {@code due} flags
     * the order {@code DELIVERY_OVERDUE} and keeps waiting, now also for an operator's resolution.
     */
    CarrierEventType awaitArrival(Instant due) {
        awaiting = true;
        try {
            while (true) {
                CarrierEventType arrival = applyQueuedEvents();
                if (arrival != null) {
                    return arrival;
                }
                if (resolution != null) {
                    order.recordEvent(resolution.outcome(), now());
                    return resolution.outcome();
                }
                Duration left = Duration.between(now(), due);
                if (order.attention() == null && left.compareTo(Duration.ZERO) > 0) {
                    if (!Workflow.await(left, this::carrierOrOperatorSpoke)) {
                        flagOverdue(due);
                    }
                } else {
                    if (order.attention() == null) {
                        flagOverdue(due);
                    }
                    Workflow.await(this::carrierOrOperatorSpoke);
                }
            }
        } finally {
            awaiting = false;
        }
    }

    /** What the timeline says about the arrival: the carrier's words, or the operator's decision. */
    String arrivalMessage(String carrierSaid) {
        if (resolution == null) {
            return carrierSaid;
        }
        String note = resolution.note() == null || resolution.note().isBlank() ? "" : ": " + resolution.note();
        return "resolved by an operator as " + resolution.outcome() + note;
    }

    /** Clears an overdue flag once the parcel's fate is known. */
    void clearAttention() {
        if (order.attention() != null) {
            order.attentionResolved();
            Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.NEEDS_ATTENTION.valueSet(false));
        }
    }

    /**
     * Applies the queued events in arrival order: the first {@code PICKED_UP} adds to the timeline;
     * the first arrival event ends the wait. Anything after it is too late to matter.
     */
    private CarrierEventType applyQueuedEvents() {
        while (!unapplied.isEmpty()) {
            CarrierEvent event = unapplied.poll();
            if (event.type().isArrival()) {
                order.recordEvent(event.type(), now());
                return event.type();
            }
            if (!pickedUp) {
                pickedUp = true;
                order.recordEvent(event.type(), now());
            }
        }
        return null;
    }

    private boolean carrierOrOperatorSpoke() {
        return !unapplied.isEmpty() || resolution != null;
    }

    private void flagOverdue(Instant due) {
        order.needsAttention(new Attention(Attention.DELIVERY_OVERDUE, order.status(), due, null));
        Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.NEEDS_ATTENTION.valueSet(true));
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
