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

    private static final String MUG = "{\"sku\":\"MUG-RED\",\"name\":\"Red mug\",\"priceCents\":1375,"
            + "\"currency\":\"EUR\",\"available\":7,\"warehouses\":[{\"warehouse\":\"WH-NORTH\",\"available\":7}],"
            + "\"etag\":\"\\\"4\\\"\"}";
    private static final String CATALOG = "{\"products\":[" + MUG.replace("1375", "1250").replace("\\\"4\\\"", "\\\"3\\\"")
            + "]}";

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
                        .param("price", "13.75").param("currency", "EUR").param("available", "7").param("etag", "\"3\""))
                .andExpect(flash().attribute("notice", "Saved MUG-RED."));

        assertThat(GATEWAY.requests()).singleElement().satisfies(request -> {
            assertThat(request.body()).isEqualTo(
                    "{\"name\":\"Red mug\",\"priceCents\":1375,\"currency\":\"EUR\",\"available\":7}");
            assertThat(request.authorization()).isEqualTo("Bearer operator-token");
        });
    }

    @Test
    void theCatalogFormCarriesTheVersionItShowsAndOffersNoStockLevelToOverwrite() throws Exception {
        GATEWAY.answer("GET /api/v1/products", CATALOG);

        mvc.perform(get("/console/catalog").with(asOperator()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"etag\" value=\"&quot;3&quot;\"")))
                .andExpect(content().string(containsString("id=\"stock-MUG-RED\"")))
                .andExpect(content().string(not(containsString("type=\"number\" min=\"0\""))));
    }

    @Test
    void anEditIsSentWithIfMatchOfThePageItWasMadeOn() throws Exception {
        GATEWAY.answer("PUT /api/v1/products/MUG-RED", MUG);

        mvc.perform(post("/console/catalog/MUG-RED").with(asOperator()).with(csrf()).param("name", "Red mug")
                        .param("price", "13.75").param("currency", "EUR").param("available", "7").param("etag", "\"3\""))
                .andExpect(flash().attribute("notice", "Saved MUG-RED."));

        assertThat(GATEWAY.requests()).singleElement()
                .satisfies(request -> assertThat(request.ifMatch()).isEqualTo("\"3\""));
    }

    @Test
    void anEditOfAProductThatChangedSinceThePageWasLoadedIsNotSavedAndTheConsoleSaysSo() throws Exception {
        GATEWAY.problem("PUT /api/v1/products/MUG-RED", 412, "precondition-failed",
                "Product MUG-RED changed since that version was read; nothing was written.");

        mvc.perform(post("/console/catalog/MUG-RED").with(asOperator()).with(csrf()).param("name", "Red mug")
                        .param("price", "13.75").param("currency", "EUR").param("available", "10").param("etag", "\"0\""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", containsString("MUG-RED changed since you loaded it")))
                .andExpect(flash().attribute("problem", containsString("not saved")))
                .andExpect(flash().attribute("problem", containsString("reloaded")));
    }

    @Test
    void stockChangesAreSentAsADeltaWithTheirReason() throws Exception {
        GATEWAY.answer("POST /api/v1/products/MUG-RED/stock", MUG.replace("\"available\":7", "\"available\":12"));

        mvc.perform(post("/console/catalog/MUG-RED/stock").with(asOperator()).with(csrf())
                        .param("delta", "5").param("reason", "delivery from the supplier"))
                .andExpect(flash().attribute("notice", "Stock of MUG-RED changed by +5: 12 available."));

        assertThat(GATEWAY.requests()).singleElement().satisfies(request -> {
            assertThat(request.body()).isEqualTo("{\"delta\":5,\"reason\":\"delivery from the supplier\"}");
            assertThat(request.authorization()).isEqualTo("Bearer operator-token");
        });
    }

    @Test
    void aStockChangeBelowZeroIsRefusedWithTheGatewaysExplanation() throws Exception {
        GATEWAY.problem("POST /api/v1/products/MUG-RED/stock", 409, "not-enough-stock",
                "Product MUG-RED has 7 available; a change of -9 would take it below zero. Nothing changed.");

        mvc.perform(post("/console/catalog/MUG-RED/stock").with(asOperator()).with(csrf())
                        .param("delta", "-9").param("reason", "counted short"))
                .andExpect(flash().attribute("problem",
                        "MUG-RED: Product MUG-RED has 7 available; a change of -9 would take it below zero. Nothing changed."));
    }

    @Test
    void aStockChangeThatIsNotAWholeNumberNeverReachesTheGateway() throws Exception {
        mvc.perform(post("/console/catalog/MUG-RED/stock").with(asOperator()).with(csrf())
                        .param("delta", "2.5").param("reason", "half a mug"))
                .andExpect(flash().attribute("problem", containsString("whole number")));

        assertThat(GATEWAY.requests()).isEmpty();
    }

    @Test
    void aPriceWithMoreDecimalsThanItsCurrencyIsRefusedNotRounded() throws Exception {
        mvc.perform(post("/console/catalog/MUG-RED").with(asOperator()).with(csrf()).param("name", "Red mug")
                        .param("price", "13.755").param("currency", "EUR").param("available", "7").param("etag", "\"3\""))
                .andExpect(flash().attribute("problem", "MUG-RED: the price is not an amount in EUR: at most 2 decimals."));
        assertThat(GATEWAY.requests()).isEmpty();
    }
}
