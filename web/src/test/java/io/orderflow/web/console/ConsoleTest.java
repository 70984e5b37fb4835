package io.orderflow.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.web.support.FakeGateway;
import io.orderflow.web.support.OrderJson;
import io.orderflow.web.support.PagesTest;
import org.junit.jupiter.api.Test;

class ConsoleTest extends PagesTest {

    private static final String ONE_ORDER = "{\"orders\":[{\"orderId\":\"o-1\",\"customerId\":\"alice\","
            + "\"status\":\"COMPLETED\",\"totalCents\":2500,\"startedAt\":\"2026-11-24T10:00:00Z\"}],\"nextPageToken\":null}";
    private static final String DOCUMENT_WITHOUT_ATTENTION = "{\"paths\":{\"/api/v1/orders\":{\"get\":{\"parameters\":"
            + "[{\"name\":\"customerId\"},{\"name\":\"status\"}]}}}}";

    @Test
    void customersCannotOpenTheConsole() throws Exception {
        mvc.perform(get("/console/orders").with(as("alice"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/load").with(as("alice"))).andExpect(status().isForbidden());
        assertThat(GATEWAY.requests()).isEmpty();
    }

    @Test
    void theOperatorSearchesOrdersByStatusAndCustomer() throws Exception {
        GATEWAY.answer("GET /v3/api-docs", DOCUMENT_WITHOUT_ATTENTION)
                .answer("GET /api/v1/orders?pageSize=20&customerId=alice&status=COMPLETED", ONE_ORDER);

        mvc.perform(get("/console/orders").param("status", "COMPLETED").param("customerId", "alice")
                        .param("needsAttention", "true").with(asOperator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/console/orders/o-1\"")))
                .andExpect(content().string(not(containsString("Needs attention only"))));

        assertThat(GATEWAY.requests()).extracting(FakeGateway.Request::line)
                .as("a filter the gateway does not document is not sent")
                .contains("GET /api/v1/orders?pageSize=20&customerId=alice&status=COMPLETED");
    }

    @Test
    void theNeedsAttentionFilterAppearsWhenTheGatewayOffersIt() throws Exception {
        GATEWAY.answer("GET /v3/api-docs", DOCUMENT_WITHOUT_ATTENTION.replace("{\"name\":\"status\"}",
                        "{\"name\":\"status\"},{\"name\":\"needsAttention\"}"))
                .answer("GET /api/v1/orders?pageSize=20&needsAttention=true", ONE_ORDER);

        mvc.perform(get("/console/orders").param("needsAttention", "true").with(asOperator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Needs attention only")))
                .andExpect(content().string(containsString("href=\"/console/orders/o-1\"")));
    }

    @Test
    void anOrdersStoryLinksToItsWorkflowInTheTemporalWebUi() throws Exception {
        GATEWAY.answer("GET /api/v1/orders/o-1", OrderJson.order("COMPLETED"));

        mvc.perform(get("/console/orders/o-1").with(asOperator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "href=\"http://temporal-ui.test:8233/namespaces/default/workflows/order-o-1\"")))
                .andExpect(content().string(containsString("alice")));
    }

    @Test
    void theOperatorEditsAPriceInMajorUnitsAndTheGatewayGetsExactMinorUnits() throws Exception {
        GATEWAY.answer("PUT /api/v1/products/MUG-RED", "{\"sku\":\"MUG-RED\",\"name\":\"Red mug\",\"priceCents\":1375,"
                + "\"currency\":\"EUR\",\"available\":7}");

        mvc.perform(post("/console/catalog/MUG-RED").with(asOperator()).with(csrf()).param("name", "Red mug")
                        .param("price", "13.75").param("currency", "EUR").param("available", "7"))
                .andExpect(flash().attribute("notice", "Saved MUG-RED."));

        assertThat(GATEWAY.requests()).singleElement().satisfies(request -> {
            assertThat(request.body()).isEqualTo(
                    "{\"name\":\"Red mug\",\"priceCents\":1375,\"currency\":\"EUR\",\"available\":7}");
            assertThat(request.authorization()).isEqualTo("Bearer operator-token");
        });
    }

    @Test
    void aPriceWithMoreDecimalsThanItsCurrencyIsRefusedNotRounded() throws Exception {
        mvc.perform(post("/console/catalog/MUG-RED").with(asOperator()).with(csrf()).param("name", "Red mug")
                        .param("price", "13.755").param("currency", "EUR").param("available", "7"))
                .andExpect(flash().attribute("problem", "MUG-RED: the price is not an amount in EUR: at most 2 decimals."));
        assertThat(GATEWAY.requests()).isEmpty();
    }
}
