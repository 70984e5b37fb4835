package io.orderflow.stock;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /products/{sku}/stock}: units to add (positive) or take (negative), and why.
 * A delta, not a level, so it composes with reservations made meanwhile instead of undoing them.
 * {@code warehouse} may be omitted: the product's one stock pool.
 */
public record StockChange(
        @Size(min = 1, max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String warehouse,
        @NotNull @NonZero @Min(-MAX_AVAILABLE) @Max(MAX_AVAILABLE) Long delta,
        @NotBlank @Size(max = 200) String reason) {

    /** The catalog's bound on a product's available units (the same as an upsert's). */
    static final int MAX_AVAILABLE = 1_000_000;
}
