package io.orderflow.delivery;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the simulated carrier's tracking events ({@code orderflow.delivery.carrier.events.*}).
 *
 * @param enabled whether the carrier reports events by itself; off, it books and stays silent (tests
 *     that play the carrier themselves)
 * @param delay how long after a booking the pick-up and the outcome are reported, and after a cancel
 *     of a parcel already picked up its return
 * @param pollInterval how often the scheduler looks for due events
 * @param webhookUrl where the events are posted: the gateway's {@code /api/v1/carrier/events};
 *     required when enabled
 * @param webhookSecret the shared secret the events are signed with (HMAC-SHA256); required when
 *     enabled, and the gateway must hold the same one
 * @param retry how an event the webhook refused is tried again, and when it is given up (parked)
 */
@ConfigurationProperties("orderflow.delivery.carrier.events")
public record CarrierEventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration delay,
        @DefaultValue("250ms") Duration pollInterval,
        URI webhookUrl,
        String webhookSecret,
        @DefaultValue Retry retry) {

    public CarrierEventsProperties {
        if (enabled && (webhookUrl == null || webhookSecret == null || webhookSecret.isBlank())) {
            throw new IllegalArgumentException("the simulated carrier reports events to a webhook: set "
                    + "orderflow.delivery.carrier.events.webhook-url and .webhook-secret, or .enabled=false");
        }
        if (delay.isNegative() || pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("carrier events need a delay >= 0 and a positive poll interval");
        }
    }

    /**
     * Retries of one event ({@code orderflow.delivery.carrier.events.retry.*}). Each event has its
     * own schedule, so a refused one holds back only the later events of its own order. The limits
     * are generous on purpose: a parked event is never tried again by itself, so a webhook that is
     * down for an hour must not park everything that was due meanwhile.
     *
     * @param initialBackoff the wait after the first refused attempt; it doubles with each further one
     * @param maxBackoff the longest wait between two attempts (a Retry-After from the webhook may ask
     *     for longer, and is honoured)
     * @param parkAfterAttempts the number of refused attempts after which the event is parked
     * @param parkAfter how long after it was due an event that is still refused is parked, however few
     *     its attempts
     */
    public record Retry(
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("20") int parkAfterAttempts,
            @DefaultValue("24h") Duration parkAfter) {

        public Retry {
            if (initialBackoff.isZero() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("carrier event retries need 0 < initial-backoff <= max-backoff");
            }
            if (parkAfterAttempts < 1 || parkAfter.isZero() || parkAfter.isNegative()) {
                throw new IllegalArgumentException("carrier event retries need park-after-attempts >= 1 and a "
                        + "positive park-after");
            }
        }
    }
}
