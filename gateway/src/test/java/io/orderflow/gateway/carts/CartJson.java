package io.orderflow.gateway.carts;

/** Request bodies of the cart endpoints. */
final class CartJson {

    static final String ADDRESS = "{\"name\":\"Ada Lovelace\",\"line1\":\"12 Main St\",\"city\":\"London\","
            + "\"postalCode\":\"N1 9GU\",\"country\":\"GB\"}";

    private CartJson() {
    }

    static String quantity(int quantity) {
        return "{\"quantity\":" + quantity + "}";
    }

    static String checkout(String token) {
        return "{\"payment\":{\"token\":\"" + token + "\"},\"shippingAddress\":" + ADDRESS + "}";
    }
}
