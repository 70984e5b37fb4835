package io.orderflow.gateway.products;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/v1/products/{sku}}: checked here so an obviously bad body never leaves the gateway. */
public record ProductUpsert(
        @NotBlank @Size(max = 200) String name,
        @NotNull @PositiveOrZero @Max(100_000_000) Long priceCents,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer available) {
}
