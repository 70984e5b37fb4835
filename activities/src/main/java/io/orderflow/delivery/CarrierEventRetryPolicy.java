package io.orderflow.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When an event the webhook refused is tried again: exponential backoff from
 * {@link CarrierEventsProperties.Retry#initialBackoff()} up to its maximum, or later when the webhook
 * said so (Retry-After); never again, once it has been refused too often or for too long (parked).
 */
final class CarrierEventRetryPolicy {

    private final CarrierEventsProperties.Retry settings;

    CarrierEventRetryPolicy(CarrierEventsProperties.Retry settings) {
        this.settings = settings;
    }

    /**
     * @param attempts the refused attempts so far, this one included
     * @param dueAt when the event was due
     * @param retryAfter what the webhook asked for, if anything
     * @return when to try again, or empty: park it
     */
    Optional<Instant> nextAttempt(int attempts, Instant dueAt, Instant now, Optional<Duration> retryAfter) {
        if (attempts >= settings.parkAfterAttempts() || !now.isBefore(dueAt.plus(settings.parkAfter()))) {
            return Optional.empty();
        }
        Duration wait = backoff(attempts);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = retryAfter.get();
        }
        return Optional.of(now.plus(wait));
    }

    private Duration backoff(int attempts) {
        // Doubling from the first wait; past 2^30 it is far beyond any sensible maximum anyway.
        int doublings = Math.min(attempts - 1, 30);
        Duration wait = settings.initialBackoff().multipliedBy(1L << doublings);
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
