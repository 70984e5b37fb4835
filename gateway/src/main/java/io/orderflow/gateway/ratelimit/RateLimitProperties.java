package io.orderflow.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Request rate limits of the API, under {@code orderflow.gateway.rate-limit}: one budget per token
 * subject, and one per client address for calls without a token (the public catalog reads).
 *
 * @param enabled whether requests are limited at all
 * @param perSubject the budget of each authenticated caller (default 50 a second)
 * @param perAddress the budget of each client address calling without a token (default
 *     {@link #DEFAULT_PER_ADDRESS}; a nested record takes no default values from an annotation)
 * @param trackedCallers how many callers' budgets are kept at most (idle ones are forgotten first)
 * @param forgetAfter a caller idle this long starts again with a full budget
 */
@Validated
@ConfigurationProperties("orderflow.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @Valid @DefaultValue Budget perSubject,
        @Valid Budget perAddress,
        @Min(1) @DefaultValue("100000") long trackedCallers,
        @NotNull @DefaultValue("10m") Duration forgetAfter) {

    public static final Budget DEFAULT_PER_ADDRESS = new Budget(20, Duration.ofSeconds(1));

    public RateLimitProperties {
        if (perAddress == null) {
            perAddress = DEFAULT_PER_ADDRESS;
        }
    }

    /** {@code limit} requests per {@code period}, refilled at the start of each period. */
    public record Budget(@Min(1) @DefaultValue("50") int limit, @NotNull @DefaultValue("1s") Duration period) {
    }
}
