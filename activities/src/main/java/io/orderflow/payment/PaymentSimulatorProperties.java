package io.orderflow.payment;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the simulated payment provider ({@code orderflow.payment.simulator.*}).
 *
 * @param latency added to every provider call (chaos and load runs); default none
 * @param transientFailureRate share of calls, 0..1, that fail transiently before doing anything
 * @param slowTokenDelay how long {@code tok_slow} takes before it approves (documented: 5 s)
 * @param flakyFailures how many attempts per order {@code tok_flaky} fails before it approves (documented: 2)
 */
@Validated
@ConfigurationProperties("orderflow.payment.simulator")
public record PaymentSimulatorProperties(
        @NotNull @DefaultValue("0s") Duration latency,
        @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0.0") double transientFailureRate,
        @NotNull @DefaultValue("5s") Duration slowTokenDelay,
        @PositiveOrZero @DefaultValue("2") int flakyFailures) {
}
