package io.orderflow.gateway.products;

import io.orderflow.gateway.Identifiers;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/products/{sku}/stock}: units to add (positive) or take (negative) and
 * why. A delta, not a level, so it never undoes reservations made since the caller last looked.
 * Without {@code warehouse}: the product's one stock pool ({@code WH-NORTH}).
 */
public record StockChangeRequest(
        @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE) String warehouse,
        @NotNull @NonZero @Min(-1_000_000) @Max(1_000_000) Long delta,
        @NotBlank @Size(max = 200) String reason) {
}
