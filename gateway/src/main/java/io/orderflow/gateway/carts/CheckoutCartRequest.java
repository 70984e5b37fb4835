package io.orderflow.gateway.carts;

import io.orderflow.checkout.ShippingAddress;
import io.orderflow.gateway.orders.PlaceOrderRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Body of {@code POST /api/v1/carts/{cartId}/checkout}: how the order is paid and where it goes,
 * with the same rules as an order's (the lines come from the cart).
 */
public record CheckoutCartRequest(
        @NotNull @Valid PlaceOrderRequest.Payment payment,
        @NotNull @Valid PlaceOrderRequest.Address shippingAddress) {

    ShippingAddress address() {
        return new ShippingAddress(shippingAddress.name(), shippingAddress.line1(), shippingAddress.city(),
                shippingAddress.postalCode(), shippingAddress.country());
    }
}
