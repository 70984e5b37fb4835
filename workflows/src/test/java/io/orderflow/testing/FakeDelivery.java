package io.orderflow.testing;

import io.orderflow.checkout.CarrierEvent;
import io.orderflow.checkout.CarrierEventType;
import io.orderflow.checkout.CheckoutWorkflow;
import io.orderflow.delivery.CarrierScenarios;
import io.orderflow.delivery.DeliveryActivities;
import io.orderflow.delivery.DeliveryFailures;
import io.orderflow.delivery.Shipment;
import io.orderflow.delivery.ShipmentRequest;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory carrier with the real contract: {@code AQ} is never serviceable, one shipment per
 * order, cancel once, a tombstone refuses a late booking. Attempts follow scripted {@link Step}s.
 *
 * <p>Like the simulated carrier, it reports what happens to the parcel: once a booking took effect
 * it sends {@code PICKED_UP} then {@code DELIVERED} to the order's workflow (the activity's own
 * client, before the booking's reply, so nothing depends on timing); an address line containing
 * {@link CarrierScenarios#LOSE_ME} ends in {@code LOST}, {@link CarrierScenarios#RETURN_ME} in {@code RETURNED}, and
 * {@link CarrierScenarios#NEVER_ARRIVES} sends nothing after the pick-up. {@link #reportingNothing()} switches the
 * events off for tests that send their own.
 */
public final class FakeDelivery implements DeliveryActivities {

    public static final String UNSERVICEABLE_COUNTRY = "AQ";

    private final CallLog log;
    private final Map<String, Shipment> shipments = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<String, Step[]> scheduleStepsByCountry = new ConcurrentHashMap<>();
    private final Map<String, Script> scheduleScriptsByOrder = new ConcurrentHashMap<>();
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    private final Set<String> returned = ConcurrentHashMap.newKeySet();
    private volatile Script scheduleScript = Script.alwaysProceed();
    private volatile boolean reportsEvents = true;

    public FakeDelivery(CallLog log) {
        this.log = log;
    }

    public FakeDelivery onSchedule(Step... steps) {
        scheduleScript = new Script(steps);
        return this;
    }

    /**
     * Scripts the bookings of the orders shipped to {@code country}, as a real carrier answers by
     * destination: each such order runs the steps from the first, the last repeating; other orders
     * follow {@link #onSchedule}.
     */
    public FakeDelivery onScheduleTo(String country, Step... steps) {
        scheduleStepsByCountry.put(country, steps.clone());
        return this;
    }

    /** The carrier books but never reports anything: the test plays the carrier itself. */
    public FakeDelivery reportingNothing() {
        reportsEvents = false;
        return this;
    }

    @Override
    public Shipment schedule(ShipmentRequest request) {
        log.record(CallLog.DELIVERY_SCHEDULE);
        AtomicReference<Shipment> result = new AtomicReference<>();
        scheduleScriptFor(request).nextAttempt().run(request.orderId(), () -> result.set(book(request)));
        if (reportsEvents) {
            report(request, result.get());
        }
        return result.get();
    }

    @Override
    public void markLost(String orderId) {
        log.record(CallLog.DELIVERY_MARK_LOST);
        requireOpenShipment(orderId, returned);
        lost.add(orderId);
    }

    @Override
    public void markReturned(String orderId) {
        log.record(CallLog.DELIVERY_MARK_RETURNED);
        requireOpenShipment(orderId, lost);
        returned.add(orderId);
    }

    public boolean wasMarkedLost(String orderId) {
        return lost.contains(orderId);
    }

    public boolean wasMarkedReturned(String orderId) {
        return returned.contains(orderId);
    }

    /** The id the fake carrier gives its event of this type for this order (stable: a resend is a duplicate). */
    public static String eventId(String orderId, CarrierEventType type) {
        return orderId + "-" + type;
    }

    private void report(ShipmentRequest request, Shipment shipment) {
        CheckoutWorkflow order = Activity.getExecutionContext().getWorkflowClient()
                .newWorkflowStub(CheckoutWorkflow.class, CheckoutWorkflow.workflowId(request.orderId()));
        for (CarrierEventType type : CarrierScenarios.eventsFor(request.address().line1())) {
            order.reportCarrierEvent(new CarrierEvent(eventId(request.orderId(), type), shipment.trackingNumber(),
                    type, Instant.now()));
        }
    }

    private void requireOpenShipment(String orderId, Set<String> endedOtherwise) {
        if (!shipments.containsKey(orderId)) {
            throw ApplicationFailure.newNonRetryableFailure("no shipment for order " + orderId,
                    DeliveryFailures.UNKNOWN_SHIPMENT);
        }
        if (cancelled.contains(orderId) || endedOtherwise.contains(orderId)) {
            throw ApplicationFailure.newNonRetryableFailure("the shipment of order " + orderId + " already ended",
                    DeliveryFailures.SHIPMENT_CLOSED);
        }
    }

    @Override
    public void cancel(String orderId) {
        log.record(CallLog.DELIVERY_CANCEL);
        cancelled.add(orderId);
    }

    /** True when a shipment is booked for the order and neither cancelled, lost nor returned. */
    public boolean hasLiveShipment(String orderId) {
        return shipments.containsKey(orderId) && !cancelled.contains(orderId)
                && !lost.contains(orderId) && !returned.contains(orderId);
    }

    private Script scheduleScriptFor(ShipmentRequest request) {
        Step[] steps = scheduleStepsByCountry.get(request.address().country());
        return steps == null ? scheduleScript
                : scheduleScriptsByOrder.computeIfAbsent(request.orderId(), id -> new Script(steps));
    }

    private Shipment book(ShipmentRequest request) {
        if (UNSERVICEABLE_COUNTRY.equals(request.address().country())) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "we do not deliver to " + request.address().country(), DeliveryFailures.ADDRESS_UNSERVICEABLE);
        }
        if (cancelled.contains(request.orderId())) {
            throw ApplicationFailure.newNonRetryableFailure(
                    "order " + request.orderId() + " delivery was already cancelled", DeliveryFailures.SHIPMENT_CANCELLED);
        }
        return shipments.computeIfAbsent(request.orderId(), id -> new Shipment(id, "TRK-" + id));
    }
}
