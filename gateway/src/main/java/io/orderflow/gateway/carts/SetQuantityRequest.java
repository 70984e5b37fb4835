package io.orderflow.gateway.carts;

import io.orderflow.cart.CartLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/v1/carts/{cartId}/lines/{sku}}: the line's new quantity, 0 to remove it. */
public record SetQuantityRequest(@NotNull @Min(0) @Max(CartLimits.MAX_QUANTITY) Integer quantity) {
}
