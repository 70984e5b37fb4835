package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient.Response;
import io.orderflow.identity.testing.DevTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Carts and "my orders" as customers use them, over HTTP against the REST contract only, with
 * tokens from the platform's dev identity provider. Subclasses say where the platform runs (the
 * embedded JVM, or the real stack with Temporal visibility); the scenarios are the same, so "my
 * orders" is proven in both. Every scenario creates its own products, so none shares stock.
 */
public abstract class CartScenarios {

    protected static final Duration TERMINAL_WITHIN = Duration.ofSeconds(90);

    /** The API as the operator. */
    protected abstract OrderflowClient client();

    protected abstract DevTokens tokens();

    private OrderflowClient alice() {
        return client().as(() -> tokens().accessToken(DevTokens.ALICE));
    }

    private OrderflowClient bob() {
        return client().as(() -> tokens().accessToken(DevTokens.BOB));
    }

    private String freshSku(String name, long priceCents) {
        String sku = "CART-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response put = client().putProduct(sku, name, priceCents, "EUR", 10);
        assertThat(put.status()).as("PUT product: %s", put.body()).isEqualTo(200);
        return sku;
    }

    /** Alice's cart holding one mug and two posters; returns its id. */
    private String alicesFilledCart(String mug, String poster) {
        Response created = alice().createCart();
        assertThat(created.status()).as("POST cart: %s", created.body()).isEqualTo(201);
        String cartId = created.text("cartId");
        assertThat(created.header("Location")).isEqualTo("/api/v1/carts/" + cartId);
        assertThat(alice().setCartLine(cartId, mug, 1).status()).isEqualTo(200);
        assertThat(alice().setCartLine(cartId, poster, 2).status()).isEqualTo(200);
        return cartId;
    }

    @Test
    void aliceFillsACartWithTwoProductsChecksOutAndTheOrderCompletes() {
        String mug = freshSku("Cart mug", 1250);
        String poster = freshSku("Cart poster", 900);
        String cartId = alicesFilledCart(mug, poster);

        JsonNode cart = alice().getCart(cartId).body();
        assertThat(cart.path("status").asText()).isEqualTo("OPEN");
        assertThat(cart.path("lines").findValuesAsText("name")).containsExactly("Cart mug", "Cart poster");
        assertThat(cart.path("subtotalCents").asLong()).isEqualTo(1250 + 2 * 900);

        Response checkout = alice().checkoutCart(cartId, "tok_visa", "GB");
        assertThat(checkout.status()).as("checkout: %s", checkout.body()).isEqualTo(202);
        String orderId = checkout.text("orderId");
        assertThat(checkout.header("Location")).isEqualTo("/api/v1/orders/" + orderId);

        JsonNode order = alice().awaitTerminal(orderId, TERMINAL_WITHIN);
        assertThat(order.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(order.path("customerId").asText()).isEqualTo("alice");
        assertThat(order.path("totalCents").asLong()).isEqualTo(1250 + 2 * 900);
        assertThat(client().available(mug)).isEqualTo(9);
        assertThat(client().available(poster)).isEqualTo(8);
        JsonNode checkedOut = alice().getCart(cartId).body();
        assertThat(checkedOut.path("status").asText()).isEqualTo("CHECKED_OUT");
        assertThat(checkedOut.path("orderId").asText()).isEqualTo(orderId);
        assertThat(alice().setCartLine(cartId, mug, 3).status()).as("a checked-out cart takes no changes")
                .isEqualTo(409);
    }

    @Test
    void aCartIsPricedWithTheCatalogsCurrentPricesAndItsOrderCostsThem() {
        String mug = freshSku("Cart mug", 1250);
        String poster = freshSku("Cart poster", 900);
        String cartId = alicesFilledCart(mug, poster);

        Response repriced = client().putProduct(mug, "Cart mug, reduced", 990, "EUR", 10);
        JsonNode cart = alice().getCart(cartId).body();

        assertThat(repriced.status()).as("PUT product: %s", repriced.body()).isEqualTo(200);
        assertThat(cart.path("lines").get(0).path("name").asText()).isEqualTo("Cart mug, reduced");
        assertThat(cart.path("lines").get(0).path("unitPriceCents").asLong()).isEqualTo(990);
        assertThat(cart.path("subtotalCents").asLong()).isEqualTo(990 + 2 * 900);
        String orderId = alice().checkoutCart(cartId, "tok_visa", "GB").text("orderId");
        assertThat(alice().awaitTerminal(orderId, TERMINAL_WITHIN).path("totalCents").asLong())
                .as("the order costs what the cart showed").isEqualTo(990 + 2 * 900);
    }

    @Test
    void bobGets404OnAlicesCart() {
        String mug = freshSku("Cart mug", 1250);
        String cartId = alicesFilledCart(mug, freshSku("Cart poster", 900));

        assertThat(bob().getCart(cartId).status()).isEqualTo(404);
        assertThat(bob().setCartLine(cartId, mug, 5).status()).isEqualTo(404);
        assertThat(bob().removeCartLine(cartId, mug).status()).isEqualTo(404);
        assertThat(bob().checkoutCart(cartId, "tok_visa", "GB").status()).isEqualTo(404);
        assertThat(alice().getCart(cartId).body().path("lines").get(0).path("quantity").asInt()).isEqualTo(1);
    }

    @Test
    void aRepeatedCheckoutReturnsTheSameOrder() {
        String cartId = alicesFilledCart(freshSku("Cart mug", 1250), freshSku("Cart poster", 900));

        Response first = alice().checkoutCart(cartId, "tok_visa", "GB");
        Response again = alice().checkoutCart(cartId, "tok_visa", "GB");

        assertThat(first.status()).as("checkout: %s", first.body()).isEqualTo(202);
        assertThat(again.status()).as("repeat: %s", again.body()).isEqualTo(202);
        assertThat(again.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(alice().awaitTerminal(first.text("orderId"), TERMINAL_WITHIN).path("status").asText())
                .isEqualTo("COMPLETED");
    }

    @Test
    void alicesOrdersListTheOrderHerCartBecameAndBobsDoNot() {
        String cartId = alicesFilledCart(freshSku("Cart mug", 1250), freshSku("Cart poster", 900));
        String orderId = alice().checkoutCart(cartId, "tok_visa", "GB").text("orderId");

        Response mine = alice().listOrders("pageSize=20");
        Response bobs = bob().listOrders("pageSize=100");

        assertThat(mine.status()).as("alice's orders: %s", mine.body()).isEqualTo(200);
        assertThat(ids(mine.body()).get(0)).as("newest first").isEqualTo(orderId);
        assertThat(mine.body().path("orders").get(0).path("customerId").asText()).isEqualTo("alice");
        assertThat(bobs.status()).isEqualTo(200);
        assertThat(ids(bobs.body())).doesNotContain(orderId);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("orders").forEach(order -> ids.add(order.path("orderId").asText()));
        return ids;
    }
}
