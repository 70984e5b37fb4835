package io.orderflow.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import io.orderflow.testing.Databases;
import io.orderflow.testing.mariadb.MariaDbServer;
import io.orderflow.testing.StockServiceApp;
import io.orderflow.testing.mariadb.MariaDbExtension;
import io.orderflow.checkout.OrderLine;
import io.orderflow.problem.ProblemTypes;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The catalog HTTP API the stock service serves at /products (on MariaDB). */
@ExtendWith(MariaDbExtension.class)
@SpringBootTest(classes = StockServiceApp.class)
@AutoConfigureMockMvc
class ProductCatalogApiTest {

    /** The real dev identity provider: catalog writes carry real tokens, checked against its keys. */
    private static final DevIdentityProvider IDENTITY = DevIdentityProvider.start();
    private static final DevTokens TOKENS = IDENTITY.tokens();

    private static final String CATALOG_DATABASE = MariaDbServer.shared().createDatabase("stock_catalog_api");

    @Autowired
    MockMvc http;

    @Autowired
    @Qualifier("stockActivities")
    StockActivities stock;

    @DynamicPropertySource
    static void databaseAndIssuer(DynamicPropertyRegistry registry) {
        // A database of its own: it carries the demo catalog, which the other stock tests' schema lacks.
        registry.add("spring.datasource.url", () -> MariaDbServer.shared().jdbcUrl(CATALOG_DATABASE));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> IDENTITY.issuer().toString());
        registry.add("spring.flyway.locations", () -> "classpath:db/stock,classpath:db/stock-demo");
    }

    /** A PUT of a product as the operator, who holds catalog:write. */
    private static MockHttpServletRequestBuilder putAsOperator(String path) {
        return put(path).header("Authorization", "Bearer " + TOKENS.accessToken(DevTokens.OPERATOR));
    }

    /** A stock change as the operator. */
    private static MockHttpServletRequestBuilder stockChangeAsOperator(String sku, String body) {
        return post("/products/" + sku + "/stock").header("Authorization", "Bearer " + TOKENS.accessToken(DevTokens.OPERATOR))
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A fresh product of this test's own, stocked with {@code available} units. */
    private String stocked(int available) throws Exception {
        String sku = "API-" + UUID.randomUUID().toString().substring(0, 8);
        http.perform(putAsOperator("/products/" + sku).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"priceCents\":1250,\"currency\":\"EUR\",\"available\":" + available + "}"))
                .andExpect(status().isOk());
        return sku;
    }

    private String etagOf(String sku) throws Exception {
        return http.perform(get("/products/" + sku)).andReturn().getResponse().getHeader("ETag");
    }

    @Test
    void anyoneMayReadTheCatalogWithoutAToken() throws Exception {
        http.perform(get("/products")).andExpect(status().isOk());
        http.perform(get("/products/MUG-RED")).andExpect(status().isOk());
    }

    @Test
    void aWriteWithoutATokenIsRefusedWith401AndChangesNothing() throws Exception {
        http.perform(put("/products/MUG-RED").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Free mug\",\"priceCents\":0,\"currency\":\"EUR\",\"available\":999}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));

        http.perform(get("/products/MUG-RED")).andExpect(jsonPath("$.priceCents").value(1250));
    }

    @Test
    void aCustomersTokenCannotChangeAPrice() throws Exception {
        http.perform(put("/products/MUG-RED").header("Authorization", "Bearer " + TOKENS.accessToken(DevTokens.ALICE))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Free mug\",\"priceCents\":0,\"currency\":\"EUR\",\"available\":999}"))
                .andExpect(status().isForbidden());

        http.perform(get("/products/MUG-RED")).andExpect(jsonPath("$.priceCents").value(1250));
    }

    @Test
    void listsTheSeededCatalog() throws Exception {
        http.perform(get("/products"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.products[?(@.sku == 'MUG-RED')].priceCents").value(hasItem(1250)))
                .andExpect(jsonPath("$.products[?(@.sku == 'MUG-RED')].currency").value(hasItem("EUR")))
                .andExpect(jsonPath("$.products[?(@.sku == 'LIMITED-POSTER')].name").value(hasItem("Limited edition poster")));
    }

    @Test
    void anUnknownProductIsA404ProblemOfTheSameTypeTheGatewayUses() throws Exception {
        http.perform(get("/products/NO-SUCH-SKU"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.type").value(ProblemTypes.PRODUCT_NOT_FOUND.toString()))
                .andExpect(jsonPath("$.detail").value(containsString("NO-SUCH-SKU")));
    }

    @Test
    void putCreatesAProductAndAgainReplacesIt() throws Exception {
        String sku = "API-" + UUID.randomUUID().toString().substring(0, 8);

        http.perform(putAsOperator("/products/" + sku).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Green mug\",\"priceCents\":1300,\"currency\":\"EUR\",\"available\":7}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sku").value(sku))
                .andExpect(jsonPath("$.available").value(7));
        http.perform(putAsOperator("/products/" + sku).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Green mug XL\",\"priceCents\":1500,\"currency\":\"EUR\",\"available\":3}"))
                .andExpect(status().isOk());

        http.perform(get("/products/" + sku))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Green mug XL"))
                .andExpect(jsonPath("$.priceCents").value(1500))
                .andExpect(jsonPath("$.available").value(3));
    }

    @Test
    void aPriceEditFromAPageLoadedBeforeThreeReservationsIsRefusedWith412AndTheStockStaysAtSeven() throws Exception {
        String sku = stocked(10);
        String loaded = etagOf(sku);
        for (int order = 0; order < 3; order++) {
            stock.reserve("order-" + UUID.randomUUID(), List.of(new OrderLine(sku, 1)));
        }

        http.perform(putAsOperator("/products/" + sku).header("If-Match", loaded).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"priceCents\":990,\"currency\":\"EUR\",\"available\":10}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.PRECONDITION_FAILED.toString()));

        http.perform(get("/products/" + sku))
                .andExpect(jsonPath("$.available").value(7))
                .andExpect(jsonPath("$.priceCents").value(1250));
    }

    @Test
    void anEditWithTheCurrentETagIsWrittenAndAnswersTheNewETag() throws Exception {
        String sku = stocked(10);
        String loaded = etagOf(sku);

        String written = http.perform(putAsOperator("/products/" + sku).header("If-Match", loaded)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"priceCents\":990,\"currency\":\"EUR\",\"available\":10}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.priceCents").value(990))
                .andReturn().getResponse().getHeader("ETag");

        assertThat(written).isNotEqualTo(loaded).isEqualTo(etagOf(sku));
        http.perform(get("/products/" + sku)).andExpect(jsonPath("$.etag").value(written));
    }

    @Test
    void aPutWithoutIfMatchStillReplacesTheProductWhateverItsVersion() throws Exception {
        String sku = stocked(10);
        stock.reserve("order-" + UUID.randomUUID(), List.of(new OrderLine(sku, 1)));

        http.perform(putAsOperator("/products/" + sku).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"priceCents\":990,\"currency\":\"EUR\",\"available\":20}"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"));

        http.perform(get("/products/" + sku)).andExpect(jsonPath("$.available").value(20));
    }

    @Test
    void anIfMatchForAProductThatDoesNotExistIs412AndCreatesNothing() throws Exception {
        String sku = "API-" + UUID.randomUUID().toString().substring(0, 8);

        http.perform(putAsOperator("/products/" + sku).header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"priceCents\":990,\"currency\":\"EUR\",\"available\":20}"))
                .andExpect(status().isPreconditionFailed());

        http.perform(get("/products/" + sku)).andExpect(status().isNotFound());
    }

    @Test
    void theETagChangesWhenAReservationTakesStockAndAWeakTagNeverMatches() throws Exception {
        String sku = stocked(10);
        String before = etagOf(sku);

        stock.reserve("order-" + UUID.randomUUID(), List.of(new OrderLine(sku, 1)));

        assertThat(etagOf(sku)).isNotEqualTo(before);
        http.perform(putAsOperator("/products/" + sku).header("If-Match", "W/" + etagOf(sku))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"priceCents\":990,\"currency\":\"EUR\",\"available\":9}"))
                .andExpect(status().isPreconditionFailed());
    }

    @Test
    void aProductListsItsOneStockPoolAsWarehouseNorth() throws Exception {
        String sku = stocked(10);

        http.perform(get("/products/" + sku))
                .andExpect(jsonPath("$.warehouses.length()").value(1))
                .andExpect(jsonPath("$.warehouses[0].warehouse").value("WH-NORTH"))
                .andExpect(jsonPath("$.warehouses[0].available").value(10));
    }

    @Test
    void aStockDeltaAddsToWhatReservationsLeftAndAnswersTheProductWithItsETag() throws Exception {
        String sku = stocked(10);
        stock.reserve("order-" + UUID.randomUUID(), List.of(new OrderLine(sku, 3)));

        http.perform(stockChangeAsOperator(sku, "{\"warehouse\":\"WH-NORTH\",\"delta\":5,\"reason\":\"delivery\"}"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.available").value(12))
                .andExpect(jsonPath("$.warehouses[0].available").value(12));
        http.perform(stockChangeAsOperator(sku, "{\"delta\":-2,\"reason\":\"broken\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.available").value(10));
    }

    @Test
    void aStockDeltaBelowZeroIs409AndChangesNothing() throws Exception {
        String sku = stocked(2);

        http.perform(stockChangeAsOperator(sku, "{\"delta\":-3,\"reason\":\"counted short\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.NOT_ENOUGH_STOCK.toString()));

        http.perform(get("/products/" + sku)).andExpect(jsonPath("$.available").value(2));
    }

    @Test
    void aStockDeltaPastAMillionIs409AndNeverWraps() throws Exception {
        String sku = stocked(1_000_000);

        http.perform(stockChangeAsOperator(sku, "{\"delta\":1,\"reason\":\"one more\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(ProblemTypes.STOCK_LIMIT_EXCEEDED.toString()));

        http.perform(get("/products/" + sku)).andExpect(jsonPath("$.available").value(1_000_000));
    }

    @Test
    void aStockDeltaForAnUnknownSkuIs404AndForAnotherWarehouse422() throws Exception {
        String sku = stocked(5);

        http.perform(stockChangeAsOperator("NO-SUCH-SKU", "{\"delta\":1,\"reason\":\"delivery\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(ProblemTypes.PRODUCT_NOT_FOUND.toString()));
        http.perform(stockChangeAsOperator(sku, "{\"warehouse\":\"WH-SOUTH\",\"delta\":1,\"reason\":\"delivery\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(ProblemTypes.UNKNOWN_WAREHOUSE.toString()));

        http.perform(get("/products/" + sku)).andExpect(jsonPath("$.available").value(5));
    }

    @Test
    void aBadStockChangeIsA400NamingEachField() throws Exception {
        String sku = stocked(5);

        http.perform(stockChangeAsOperator(sku, "{\"warehouse\":\"\",\"delta\":0,\"reason\":\"" + "x".repeat(201) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "delta", "reason", "warehouse", "warehouse")));
        http.perform(stockChangeAsOperator(sku, "{\"delta\":1000001}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "delta", "reason")));

        http.perform(get("/products/" + sku)).andExpect(jsonPath("$.available").value(5));
    }

    @Test
    void aStockChangeNeedsCatalogWrite() throws Exception {
        String sku = stocked(5);
        String body = "{\"delta\":100,\"reason\":\"free stock\"}";

        http.perform(post("/products/" + sku + "/stock").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        http.perform(post("/products/" + sku + "/stock").header("Authorization", "Bearer " + TOKENS.accessToken(DevTokens.ALICE))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());

        http.perform(get("/products/" + sku)).andExpect(jsonPath("$.available").value(5));
    }

    @Test
    void anInvalidProductIsAValidationProblemListingEveryBadField() throws Exception {
        http.perform(putAsOperator("/products/OK-SKU").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"\",\"priceCents\":-1,\"currency\":\"eur\",\"available\":-5}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(ProblemTypes.VALIDATION.toString()))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "available", "currency", "name", "name", "priceCents")))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void aBadSkuInThePathIsA400Problem() throws Exception {
        http.perform(putAsOperator("/products/bad sku!").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"priceCents\":1,\"currency\":\"EUR\",\"available\":1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("sku")));
    }

    @Test
    void aBodyThatIsNotJsonIsA400ProblemWithoutAStackTrace() throws Exception {
        http.perform(putAsOperator("/products/OK-SKU").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void pricesAndStockBeyondTheContractsBoundsAreA400AndChangeNothing() throws Exception {
        http.perform(putAsOperator("/products/MUG-RED").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"Mug\",\"priceCents\":100000001,\"currency\":\"EUR\",\"available\":1000001}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "available", "priceCents")));

        http.perform(get("/products/MUG-RED")).andExpect(jsonPath("$.priceCents").value(1250));
    }
}
