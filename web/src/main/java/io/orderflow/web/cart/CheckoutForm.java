package io.orderflow.web.cart;

import java.util.Locale;

/**
 * The checkout form: a payment token (the simulated provider's test tokens) and where to ship.
 * The gateway validates it; its refusals are shown beside the form.
 */
public record CheckoutForm(String paymentToken, String name, String line1, String city, String postalCode,
        String country) {

    /** The body of {@code POST /carts/{cartId}/checkout}. */
    Object body() {
        return new Body(new Payment(paymentToken), new Address(name, line1, city, postalCode,
                country == null ? null : country.strip().toUpperCase(Locale.ROOT)));
    }

    record Body(Payment payment, Address shippingAddress) {
    }

    record Payment(String token) {
    }

    record Address(String name, String line1, String city, String postalCode, String country) {
    }
}
