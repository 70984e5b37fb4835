package io.orderflow.gateway.products;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
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
