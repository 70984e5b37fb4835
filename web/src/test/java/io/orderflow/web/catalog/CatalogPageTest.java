package io.orderflow.web.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.orderflow.web.support.PagesTest;
import org.junit.jupiter.api.Test;

class CatalogPageTest extends PagesTest {

    private static final String PRODUCTS = "{\"products\":[{\"sku\":\"MUG-RED\",\"name\":\"Red mug\",\"priceCents\":1250,"
            + "\"currency\":\"EUR\",\"available\":7},{\"sku\":\"POSTER\",\"name\":\"Poster\",\"priceCents\":900,"
            + "\"currency\":\"EUR\",\"available\":0}]}";

    @Test
    void aVisitorBrowsesTheCatalogWithoutLoggingInAndWithoutAToken() throws Exception {
        GATEWAY.answer("GET /api/v1/products", PRODUCTS);

        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Red mug")))
                .andExpect(content().string(containsString("12.50 EUR")))
                .andExpect(content().string(containsString("Out of stock")))
                .andExpect(content().string(containsString("Log in")))
                .andExpect(content().string(not(containsString("Add to cart"))));

        assertThat(GATEWAY.requests()).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isNull());
    }

    @Test
    void aLoggedInCustomerSeesAddToCartAndTheCatalogCallCarriesTheirToken() throws Exception {
        GATEWAY.answer("GET /api/v1/products", PRODUCTS);

        mvc.perform(get("/").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Logged in as")))
                .andExpect(content().string(containsString("Add to cart")))
                .andExpect(content().string(not(containsString("Console"))));

        assertThat(GATEWAY.requests()).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isEqualTo("Bearer alice-token"));
    }

    @Test
    void anOperatorSeesTheWayToTheConsole() throws Exception {
        GATEWAY.answer("GET /api/v1/products", PRODUCTS);

        mvc.perform(get("/").with(asOperator()))
                .andExpect(content().string(containsString("href=\"/console/orders\"")));
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/cart/lines").param("sku", "MUG-RED").with(as("alice")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/cart/lines").param("sku", "MUG-RED").with(as("alice")).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());

        assertThat(GATEWAY.requests()).isEmpty();
    }

    @Test
    void aVisitorWhoWantsTheCartIsSentToLogIn() throws Exception {
        mvc.perform(get("/cart"))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .endsWith("/oauth2/authorization/orderflow"));
    }
}
