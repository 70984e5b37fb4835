package io.orderflow.gateway.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.FakeCatalogServer;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.identity.testing.DevTokens;
import org.junit.jupiter.api.Test;

/** The catalog comes from the stock service; the gateway passes it on as the contract shapes it. */
class ProductsProxyTest extends GatewayIntegrationTest {

    @Test
    void listsTheStockServiceCatalog() {
        ApiClient.Reply reply = api().get("/api/v1/products");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("products").get(0).path("sku").asText()).isEqualTo("MUG-RED");
        assertThat(reply.json().path("products").get(0).path("priceCents").asLong()).isEqualTo(1250);
        assertThat(reply.json().path("products").get(0).path("currency").asText()).isEqualTo("EUR");
        assertThat(reply.json().path("products").get(0).path("available").asInt()).isEqualTo(7);
    }

    @Test
    void servesOneProduct() {
        ApiClient.Reply reply = api().get("/api/v1/products/MUG-RED");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("name").asText()).isEqualTo("Red mug");
    }

    @Test
    void passesTheStockServicesNotFoundOnAsA404Problem() {
        ApiClient.Reply reply = api().get("/api/v1/products/NOPE-1");

        assertProblem(reply, 404, "product-not-found");
        assertThat(reply.json().path("detail").asText()).contains("NOPE-1");
    }

    @Test
    void upsertsAProductThroughTheStockService() {
        ApiClient.Reply reply = api().putJson("/api/v1/products/TEA-1",
                "{\"name\":\"Green tea\",\"priceCents\":499,\"currency\":\"EUR\",\"available\":30}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("sku").asText()).isEqualTo("TEA-1");
        assertThat(reply.json().path("available").asInt()).isEqualTo(30);
        assertThat(CATALOG.requests()).anyMatch(request ->
                request.startsWith("PUT /products/TEA-1 ") && request.contains("\"priceCents\":499"));
    }

    @Test
    void aProductIsServedWithItsETagAndItsWarehouses() {
        ApiClient.Reply reply = anonymous().get("/api/v1/products/MUG-RED");

        assertThat(reply.header("ETag")).isEqualTo(FakeCatalogServer.MUG_ETAG);
        assertThat(reply.json().path("etag").asText()).isEqualTo(FakeCatalogServer.MUG_ETAG);
        assertThat(reply.json().path("warehouses").get(0).path("warehouse").asText()).isEqualTo("WH-NORTH");
        assertThat(reply.json().path("warehouses").get(0).path("available").asInt()).isEqualTo(7);
    }

    @Test
    void anEditWithAStaleIfMatchIsA412PreconditionFailedProblem() {
        ApiClient.Reply reply = api().putJson("/api/v1/products/MUG-RED",
                "{\"name\":\"Red mug\",\"priceCents\":990,\"currency\":\"EUR\",\"available\":10}",
                "If-Match", FakeCatalogServer.STALE_ETAG);

        assertProblem(reply, 412, "precondition-failed");
        assertThat(CATALOG.ifMatches()).last().isEqualTo(FakeCatalogServer.STALE_ETAG);
    }

    @Test
    void anEditPassesItsIfMatchOnAndAnswersTheNewETag() {
        ApiClient.Reply reply = api().putJson("/api/v1/products/MUG-RED",
                "{\"name\":\"Red mug\",\"priceCents\":990,\"currency\":\"EUR\",\"available\":7}",
                "If-Match", FakeCatalogServer.MUG_ETAG);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo("\"4\"");
        assertThat(CATALOG.ifMatches()).last().isEqualTo(FakeCatalogServer.MUG_ETAG);
    }

    @Test
    void anEditWithoutIfMatchIsSentWithoutOneAndStillWritten() {
        ApiClient.Reply reply = api().putJson("/api/v1/products/TEA-4",
                "{\"name\":\"Black tea\",\"priceCents\":450,\"currency\":\"EUR\",\"available\":3}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(CATALOG.ifMatches()).last().isEqualTo("none");
    }

    @Test
    void aStockChangeGoesToTheStockServiceWithTheCallersTokenAndAnswersTheProduct() {
        ApiClient.Reply reply = api().postJson("/api/v1/products/MUG-RED/stock",
                "{\"warehouse\":\"WH-NORTH\",\"delta\":5,\"reason\":\"delivery\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.header("ETag")).isEqualTo("\"4\"");
        assertThat(reply.json().path("available").asInt()).isEqualTo(12);
        assertThat(CATALOG.requests()).last().asString()
                .startsWith("POST /products/MUG-RED/stock ").contains("\"delta\":5");
        assertThat(CATALOG.writeTokens()).last().isEqualTo(TOKENS.accessToken(DevTokens.OPERATOR));
    }

    @Test
    void aStockChangeBelowZeroIsA409AndForAnotherWarehouseA422AndForAnUnknownSkuA404() {
        assertProblem(api().postJson("/api/v1/products/MUG-RED/stock", "{\"delta\":-100,\"reason\":\"lost\"}"),
                409, "not-enough-stock");
        assertProblem(api().postJson("/api/v1/products/MUG-RED/stock",
                "{\"warehouse\":\"WH-SOUTH\",\"delta\":1,\"reason\":\"found\"}"), 422, "unknown-warehouse");
        assertProblem(api().postJson("/api/v1/products/NOPE-2/stock", "{\"delta\":1,\"reason\":\"found\"}"),
                404, "product-not-found");
    }

    @Test
    void aStockChangeNeedsATokenWithCatalogWrite() {
        int before = CATALOG.requests().size();

        assertProblem(anonymous().postJson("/api/v1/products/MUG-RED/stock", "{\"delta\":100,\"reason\":\"free\"}"),
                401, "unauthorized");
        assertProblem(as(DevTokens.ALICE).postJson("/api/v1/products/MUG-RED/stock",
                "{\"delta\":100,\"reason\":\"free\"}"), 403, "forbidden");
        assertThat(CATALOG.requests()).hasSize(before);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"delta\":0,\"reason\":\"nothing\"} | delta",
            "{\"delta\":1000001,\"reason\":\"a lot\"} | delta",
            "{\"delta\":-1000001,\"reason\":\"a lot\"} | delta",
            "{\"reason\":\"no delta\"} | delta",
            "{\"delta\":1} | reason",
            "{\"delta\":1,\"reason\":\"   \"} | reason",
            "{\"warehouse\":\"WH NORTH\",\"delta\":1,\"reason\":\"space\"} | warehouse"})
    void aBadStockChangeIsA400NamingTheFieldAndNeverReachesTheStockService(String body, String field) {
        int before = CATALOG.requests().size();

        ApiClient.Reply reply = api().postJson("/api/v1/products/MUG-RED/stock", body);

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(CATALOG.requests()).hasSize(before);
    }

    @Test
    void aStockChangeReasonOfMoreThan200CharactersIsA400() {
        ApiClient.Reply reply = api().postJson("/api/v1/products/MUG-RED/stock",
                "{\"delta\":1,\"reason\":\"" + "x".repeat(201) + "\"}");

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).containsExactly("reason");
    }

    @Test
    void validatesAnUpsertBeforeCallingTheStockService() {
        int before = CATALOG.requests().size();

        ApiClient.Reply reply = api().putJson("/api/v1/products/TEA-2",
                "{\"name\":\"\",\"priceCents\":-1,\"currency\":\"euro\",\"available\":-5}");

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).containsExactlyInAnyOrder("name", "priceCents", "currency", "available");
        assertThat(CATALOG.requests()).hasSize(before);
    }

    @Test
    void passesAStockServiceRejectionOnWithItsStatusAndFieldErrors() {
        ApiClient.Reply reply = api().putJson("/api/v1/products/TEA-3",
                "{\"name\":\"REJECT\",\"priceCents\":1,\"currency\":\"EUR\",\"available\":1}");

        assertProblem(reply, 400, "catalog-rejected");
        assertThat(reply.json().path("detail").asText()).isEqualTo("name is reserved");
        assertThat(reply.errorFields()).containsExactly("name");
    }

    @Test
    void retriesAReadThatFailedTransiently() {
        ApiClient.Reply reply = api().get("/api/v1/products/FLAKY-1");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("sku").asText()).isEqualTo("FLAKY-1");
        assertThat(CATALOG.requests().stream().filter(r -> r.startsWith("GET /products/FLAKY-1"))).hasSize(2);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"name\":\"Mug\",\"priceCents\":100000001,\"currency\":\"EUR\",\"available\":1} | priceCents",
            "{\"name\":\"Mug\",\"priceCents\":1,\"currency\":\"EUR\",\"available\":1000001} | available",
            "{\"name\":\"Mug\",\"priceCents\":9223372036854775807,\"currency\":\"EUR\",\"available\":1} | priceCents"})
    void refusesPricesAndStockBeyondTheContractsBounds(String body, String field) {
        int writesBefore = CATALOG.writeTokens().size();

        ApiClient.Reply reply = api().putJson("/api/v1/products/TEA-BIG", body);

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).containsExactly(field);
        assertThat(CATALOG.writeTokens()).hasSize(writesBefore);
    }

    @Test
    void aSkuOutsideTheContractsAlphabetIsNeverSentToTheStockServiceNorEchoed() {
        ApiClient.Reply put = api().putJson("/api/v1/products/%3Cscript%3E",
                "{\"name\":\"Mug\",\"priceCents\":1,\"currency\":\"EUR\",\"available\":1}");
        ApiClient.Reply get = anonymous().get("/api/v1/products/%3Cscript%3E");

        assertProblem(put, 400, "validation");
        assertThat(put.errorFields()).containsExactly("sku");
        assertProblem(get, 404, "product-not-found");
        assertThat(get.body() + put.body()).doesNotContain("<script>");
        assertThat(CATALOG.requests()).noneMatch(request -> request.contains("script"));
    }

    @Test
    void anOrderIdOutsideTheAlphabetIsA404ThatDoesNotEchoIt() {
        ApiClient.Reply reply = api().get("/api/v1/orders/%3Cimg%20src=x%3E");

        assertProblem(reply, 404, "order-not-found");
        assertThat(reply.body()).doesNotContain("<img");
    }
}
