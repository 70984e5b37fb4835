package io.orderflow.checkout;

/** Where the order goes. {@code country} is an ISO 3166-1 alpha-2 code. */
public record ShippingAddress(String name, String line1, String city, String postalCode, String country) {
}
