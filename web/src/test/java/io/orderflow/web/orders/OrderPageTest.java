package io.orderflow.web.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static io.orderflow.web.support.OrderJson.order;

import io.orderflow.web.support.OrderJson;
import io.orderflow.web.support.PagesTest;
import org.junit.jupiter.api.Test;

class OrderPageTest extends PagesTest {

    @Test
    void aRunningOrdersPageAsksForItsTimelineAgainAndOffersCancel() throws Exception {
        GATEWAY.answer("GET /api/v1/orders/o-1", order("CHARGING_PAYMENT"));

        mvc.perform(get("/orders/o-1").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/orders/o-1/live\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
                .andExpect(content().string(containsString("CHARGING_PAYMENT")))
                .andExpect(content().string(containsString("10:00:01 UTC")))
                .andExpect(content().string(containsString("12.50 EUR")))
                .andExpect(content().string(containsString("25.00 EUR")))
                .andExpect(content().string(containsString("Cancel order")));
    }

    @Test
    void theLivePartCarriesThePricesOnceStockIsReserved() throws Exception {
        GATEWAY.answer("GET /api/v1/orders/o-1", order("SCHEDULING_DELIVERY"));

        mvc.perform(get("/orders/o-1/live").with(as("alice")))
                .andExpect(content().string(containsString("12.50 EUR")))
                .andExpect(content().string(containsString("25.00 EUR")));
    }

    @Test
    void theTimelineSaysWhatTheCarrierReportedNotJustTheStatusAgain() throws Exception {
        GATEWAY.answer("GET /api/v1/orders/o-1", OrderJson.pickedUp());

        mvc.perform(get("/orders/o-1/live").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("carrier: PICKED_UP")))
                .andExpect(content().string(containsString("10:00:02 UTC")));
    }

    @Test
    void aFinishedOrdersTimelineStopsAskingAndOffersNoCancel() throws Exception {
        GATEWAY.answer("GET /api/v1/orders/o-1", order("COMPLETED"));

        mvc.perform(get("/orders/o-1/live").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"live\"")))
                .andExpect(content().string(not(containsString("hx-get"))))
                .andExpect(content().string(not(containsString("Cancel order"))))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void someoneElsesOrderIsNotFound() throws Exception {
        GATEWAY.problem("GET /api/v1/orders/o-1", 404, "order-not-found", "No order o-1.");

        mvc.perform(get("/orders/o-1").with(as("bob")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("There is no such page, or it is not yours.")));
        assertThat(GATEWAY.requests()).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isEqualTo("Bearer bob-token"));
    }

    @Test
    void cancellingTooLateSaysSo() throws Exception {
        GATEWAY.problem("POST /api/v1/orders/o-1/cancel", 409, "order-not-cancellable", "Delivery is being scheduled.");

        mvc.perform(post("/orders/o-1/cancel").with(as("alice")).with(csrf()))
                .andExpect(redirectedUrl("/orders/o-1"))
                .andExpect(flash().attribute("problem", "Too late to cancel: Delivery is being scheduled."));
    }

    @Test
    void myOrdersListsTheCustomersOwnOrders() throws Exception {
        GATEWAY.answer("GET /api/v1/orders?pageSize=20", "{\"orders\":[{\"orderId\":\"o-1\",\"customerId\":\"alice\","
                + "\"status\":\"COMPLETED\",\"totalCents\":2500,\"startedAt\":\"2026-11-24T10:00:00Z\"}],\"nextPageToken\":null}");

        mvc.perform(get("/orders").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/orders/o-1\"")))
                .andExpect(content().string(containsString("2026-11-24 10:00 UTC")));
    }

    @Test
    void myOrdersSaysWhenThePlatformCannotListOrders() throws Exception {
        GATEWAY.problem("GET /api/v1/orders?pageSize=20", 501, "order-listing-unavailable", "This server cannot list.");

        mvc.perform(get("/orders").with(as("alice")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not available on this platform")))
                .andExpect(content().string(not(containsString("You have no orders yet"))));
    }
}
