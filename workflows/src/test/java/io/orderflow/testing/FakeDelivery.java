package io.orderflow.testing;

import io.orderflow.delivery.DeliveryActivities;
import io.orderflow.delivery.DeliveryFailures;
import io.orderflow.delivery.Shipment;
import io.orderflow.delivery.ShipmentRequest;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-memory carrier with the real contract: {@code AQ} is never serviceable, one shipment per
 * order, cancel once, a tombstone refuses a late booking. Attempts follow scripted {@link Step}s.
 */
public final class FakeDelivery implements DeliveryActivities {

    public static final String UNSERVICEABLE_COUNTRY = "AQ";

    private final CallLog log;
    private final Map<String, Shipment> shipments = new ConcurrentHashMap<>();
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<String, Step[]> scheduleStepsByCountry = new ConcurrentHashMap<>();
    private final Map<String, Script> scheduleScriptsByOrder = new ConcurrentHashMap<>();
    private volatile Script scheduleScript = Script.alwaysProceed();

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

    @Override
    public Shipment schedule(ShipmentRequest request) {
        log.record(CallLog.DELIVERY_SCHEDULE);
        AtomicReference<Shipment> result = new AtomicReference<>();
        scheduleScriptFor(request).nextAttempt().run(request.orderId(), () -> result.set(book(request)));
        return result.get();
    }

    @Override
    public void cancel(String orderId) {
        log.record(CallLog.DELIVERY_CANCEL);
        cancelled.add(orderId);
    }

    /** True when a shipment is booked for the order and not cancelled. */
    public boolean hasLiveShipment(String orderId) {
        return shipments.containsKey(orderId) && !cancelled.contains(orderId);
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
