package io.orderflow.web.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.web.support.FakeGateway;
import io.orderflow.web.support.PagesTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

class CartPageTest extends PagesTest {

    private static String cart(String status, String lines) {
        return "{\"cartId\":\"c-1\",\"customerId\":\"alice\",\"status\":\"" + status + "\",\"lines\":[" + lines
                + "],\"subtotalCents\":2500,\"currency\":\"EUR\",\"orderId\":null,\"expiresAt\":\"2026-12-01T00:00:00Z\"}";
    }

    private static final String MUG_LINE = "{\"sku\":\"MUG-RED\",\"name\":\"Red mug\",\"quantity\":2,\"unitPriceCents\":1250}";

    @Test
    void theFirstAddToCartCreatesACartAndSetsTheLine() throws Exception {
        GATEWAY.answer("POST /api/v1/carts", 201, cart("OPEN", ""))
                .answer("PUT /api/v1/carts/c-1/lines/MUG-RED", cart("OPEN", MUG_LINE));

        mvc.perform(post("/cart/lines").param("sku", "MUG-RED").param("quantity", "2").with(as("alice")).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("notice", "Added to your cart: 2 × MUG-RED."));

        assertThat(GATEWAY.requests()).extracting(FakeGateway.Request::line)
                .containsExactly("POST /api/v1/carts", "PUT /api/v1/carts/c-1/lines/MUG-RED");
        assertThat(GATEWAY.requests().get(1).body()).isEqualTo("{\"quantity\":2}");
        assertThat(GATEWAY.requests()).allSatisfy(request ->
                assertThat(request.authorization()).isEqualTo("Bearer alice-token"));
    }

    @Test
    void addingMoreOfAProductAddsToItsQuantityInTheSameCart() throws Exception {
        MockHttpSession session = sessionWithCart();
        GATEWAY.answer("GET /api/v1/carts/c-1", cart("OPEN", MUG_LINE))
                .answer("PUT /api/v1/carts/c-1/lines/MUG-RED", cart("OPEN", MUG_LINE.replace(":2,", ":3,")));

        mvc.perform(post("/cart/lines").session(session).param("sku", "MUG-RED").with(as("alice")).with(csrf()))
                .andExpect(redirectedUrl("/"));

        assertThat(GATEWAY.requests()).filteredOn(request -> request.method().equals("PUT"))
                .singleElement().satisfies(request -> assertThat(request.body()).isEqualTo("{\"quantity\":3}"));
    }

    @Test
    void theCartPageShowsLinesSubtotalAndTheCheckoutForm() throws Exception {
        GATEWAY.answer("GET /api/v1/carts/c-1", cart("OPEN", MUG_LINE));

        mvc.perform(get("/cart").session(sessionWithCart()).with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Red mug")))
                .andExpect(content().string(containsString("25.00 EUR")))
                .andExpect(content().string(containsString("Place order")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void anUnknownProductIsExplainedOnThePage() throws Exception {
        GATEWAY.answer("GET /api/v1/carts/c-1", cart("OPEN", ""))
                .problem("PUT /api/v1/carts/c-1/lines/NOPE", 422, "unknown-sku", "No product NOPE.");

        mvc.perform(post("/cart/lines").session(sessionWithCart()).param("sku", "NOPE").with(as("alice")).with(csrf()))
                .andExpect(flash().attribute("problem", "No product NOPE."));
    }

    @Test
    void checkoutSendsPaymentAndAddressAndOpensTheOrderAndForgetsTheCart() throws Exception {
        MockHttpSession session = sessionWithCart();
        GATEWAY.answer("GET /api/v1/carts/c-1", cart("OPEN", MUG_LINE))
                .answer("POST /api/v1/carts/c-1/checkout", 202, "{\"orderId\":\"o-9\",\"customerId\":\"alice\","
                        + "\"status\":\"RECEIVED\",\"items\":[],\"timeline\":[]}");

        mvc.perform(post("/cart/checkout").session(session).with(as("alice")).with(csrf())
                        .param("paymentToken", "tok_visa").param("name", "Ada Lovelace").param("line1", "12 Main St")
                        .param("city", "London").param("postalCode", "N1 9GU").param("country", "gb"))
                .andExpect(redirectedUrl("/orders/o-9"));

        assertThat(GATEWAY.requests()).filteredOn(request -> request.method().equals("POST")).singleElement()
                .satisfies(request -> assertThat(request.body()).isEqualTo("{\"payment\":{\"token\":\"tok_visa\"},"
                        + "\"shippingAddress\":{\"name\":\"Ada Lovelace\",\"line1\":\"12 Main St\",\"city\":\"London\","
                        + "\"postalCode\":\"N1 9GU\",\"country\":\"GB\"}}"));
        assertThat(session.getAttribute(CartController.CURRENT_CART)).isNull();
    }

    @Test
    void aCheckedOutOrExpiredCartIsNoLongerShown() throws Exception {
        GATEWAY.problem("GET /api/v1/carts/c-1", 410, "cart-expired", "This cart expired.");
        MockHttpSession session = sessionWithCart();

        mvc.perform(get("/cart").session(session).with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Your cart is empty")));
        assertThat(session.getAttribute(CartController.CURRENT_CART)).isNull();
    }

    private static MockHttpSession sessionWithCart() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(CartController.CURRENT_CART, "c-1");
        return session;
    }
}
