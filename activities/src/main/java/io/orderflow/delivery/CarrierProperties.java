package io.orderflow.delivery;

import jakarta.validation.constraints.NotEmpty;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the simulated carrier ({@code orderflow.delivery.carrier.*}).
 *
 * @param serviceableCountries ISO 3166-1 alpha-2 codes the carrier delivers to; {@code AQ} is never
 *     serviceable, whatever this says (docs/architecture.md, "The simulated outside world")
 */
@Validated
@ConfigurationProperties("orderflow.delivery.carrier")
public record CarrierProperties(
        @NotEmpty @DefaultValue({"AT", "BE", "CA", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "LU",
                "NL", "NO", "PL", "PT", "SE", "US"}) Set<String> serviceableCountries) {
}
