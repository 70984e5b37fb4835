package io.orderflow.gateway.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The platform-load endpoint, under {@code orderflow.gateway.platform}.
 *
 * @param completionWindow how far back the orders ended per minute are counted
 * @param completionBucket the width of one count
 * @param callTimeout deadline of each call to Temporal while reading the load
 */
@Validated
@ConfigurationProperties("orderflow.gateway.platform")
public record PlatformProperties(
        @NotNull @DefaultValue("10m") Duration completionWindow,
        @NotNull @DefaultValue("1m") Duration completionBucket,
        @NotNull @DefaultValue("5s") Duration callTimeout) {

    /** How many buckets the window holds (at least one). */
    int buckets() {
        return (int) Math.max(1, completionWindow.toSeconds() / Math.max(1, completionBucket.toSeconds()));
    }
}
