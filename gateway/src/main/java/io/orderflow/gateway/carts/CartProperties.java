package io.orderflow.gateway.carts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Carts, under {@code orderflow.gateway.carts}. The gateway hands both to each new cart workflow.
 *
 * @param idleExpiry how long a cart lives without a change before it expires
 * @param updatesPerRun changes a cart's workflow run takes before it continues as new
 */
@Validated
@ConfigurationProperties("orderflow.gateway.carts")
public record CartProperties(
        @NotNull @DefaultValue("P1D") Duration idleExpiry,
        @Min(10) @Max(10_000) @DefaultValue("500") int updatesPerRun) {
}
