package io.orderflow.gateway.orders;

import io.orderflow.checkout.CheckoutRequest;
import io.orderflow.checkout.OrderLine;
import io.orderflow.checkout.ShippingAddress;
import io.orderflow.gateway.Identifiers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/orders}, validated exactly as the REST contract states. The customer
 * is the token's subject; {@code customerId} is optional and, when present, must name the caller
 * (or anyone, for an operator).
 */
public record PlaceOrderRequest(
        @Size(min = 1, max = 64) String customerId,
        @NotNull @Size(min = 1, max = 50) @DistinctSkus List<@NotNull @Valid Item> items,
        @NotNull @Valid Payment payment,
        @NotNull @Valid Address shippingAddress) {

    public record Item(
            @NotBlank @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.RULE) String sku,
            @NotNull @Min(1) @Max(1000) Integer quantity) {
    }

    public record Payment(@NotBlank @Size(max = 128) String token) {
    }

    public record Address(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String line1,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 32) String postalCode,
            @NotBlank @IsoCountry String country) {
    }

    /** This request on behalf of the given customer (the one the order will belong to). */
    PlaceOrderRequest forCustomer(String owner) {
        return new PlaceOrderRequest(owner, items, payment, shippingAddress);
    }

    /** The workflow input for this (already validated) request. */
    CheckoutRequest toCheckoutRequest(String orderId) {
        return new CheckoutRequest(
                orderId,
                customerId,
                items.stream().map(item -> new OrderLine(item.sku(), item.quantity())).toList(),
                payment.token(),
                new ShippingAddress(shippingAddress.name(), shippingAddress.line1(), shippingAddress.city(),
                        shippingAddress.postalCode(), shippingAddress.country()));
    }
}
