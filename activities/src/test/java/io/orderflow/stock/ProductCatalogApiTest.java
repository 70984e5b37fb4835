package io.orderflow.stock;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import io.orderflow.problem.ProblemTypes;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
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
