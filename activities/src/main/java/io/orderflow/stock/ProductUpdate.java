package io.orderflow.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /products/{sku}}: the product's whole new state (admin upsert). */
public record ProductUpdate(
        @NotBlank @Size(min = 1, max = 200) String name,
        @NotNull @PositiveOrZero @Max(100_000_000) Long priceCents,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of 3 uppercase letters") String currency,
        @NotNull @PositiveOrZero @Max(1_000_000) Integer available) {
}
