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
 * @param delay how long after a booking the pick-up and the outcome are reported
 * @param pollInterval how often the scheduler looks for due events
 * @param webhookUrl where the events are posted: the gateway's {@code /api/v1/carrier/events};
 *     required when enabled
 * @param webhookSecret the shared secret the events are signed with (HMAC-SHA256); required when
 *     enabled, and the gateway must hold the same one
 */
@ConfigurationProperties("orderflow.delivery.carrier.events")
public record CarrierEventsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration delay,
        @DefaultValue("250ms") Duration pollInterval,
        URI webhookUrl,
        String webhookSecret) {

    public CarrierEventsProperties {
        if (enabled && (webhookUrl == null || webhookSecret == null || webhookSecret.isBlank())) {
            throw new IllegalArgumentException("the simulated carrier reports events to a webhook: set "
                    + "orderflow.delivery.carrier.events.webhook-url and .webhook-secret, or .enabled=false");
        }
        if (delay.isNegative() || pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("carrier events need a delay >= 0 and a positive poll interval");
        }
    }
}
