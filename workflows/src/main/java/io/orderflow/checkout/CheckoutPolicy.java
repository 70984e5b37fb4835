package io.orderflow.checkout;

import java.time.Duration;

/**
 * The checkout's time limits that operators configure on the checkout worker (and the workflow
 * reads once per order, through {@link CheckoutPolicyActivities}, so the values are in its history).
 *
 * @param deliveryDeadline how long after delivery is scheduled the order may stay {@code SHIPPING}
 *     before it is flagged {@code DELIVERY_OVERDUE}
 * @param compensationAlertAfter how long a compensation may keep failing before the order is flagged
 *     {@code COMPENSATION_FAILING}
 */
public record CheckoutPolicy(Duration deliveryDeadline, Duration compensationAlertAfter) {

    public static final Duration DEFAULT_DELIVERY_DEADLINE = Duration.ofDays(14);
    public static final Duration DEFAULT_COMPENSATION_ALERT_AFTER = Duration.ofMinutes(10);

    public CheckoutPolicy {
        requirePositive(deliveryDeadline, "deliveryDeadline");
        requirePositive(compensationAlertAfter, "compensationAlertAfter");
    }

    public static CheckoutPolicy defaults() {
        return new CheckoutPolicy(DEFAULT_DELIVERY_DEADLINE, DEFAULT_COMPENSATION_ALERT_AFTER);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
        }
    }
}
