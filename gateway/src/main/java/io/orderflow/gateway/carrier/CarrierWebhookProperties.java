package io.orderflow.gateway.carrier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The carrier webhook ({@code orderflow.gateway.carrier.*}).
 *
 * @param webhookSecret the secret the carrier signs its events with (HMAC-SHA256); no default: without
 *     it every event is refused ({@code 401}), so a gateway never trusts unsigned events by accident
 * @param tolerance how far the signed timestamp may be from the gateway's clock, either way, before
 *     an event is refused as a replay
 */
@ConfigurationProperties("orderflow.gateway.carrier")
public record CarrierWebhookProperties(
        String webhookSecret,
        @DefaultValue("5m") Duration tolerance) {
}
