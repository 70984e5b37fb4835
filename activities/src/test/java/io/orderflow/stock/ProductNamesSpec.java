package io.orderflow.stock;

import static org.hamcrest.Matchers.contains;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import io.orderflow.testing.UnicodeText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A product's name is stored and returned exactly, whatever its script: what the operator typed
 * comes back from the catalog API code unit for code unit (subclasses pick the database).
 */
abstract class ProductNamesSpec {

    static final DevIdentityProvider IDENTITY = DevIdentityProvider.start();
    static final List<String> NAMES = UnicodeText.SAMPLES;

    @Autowired
    MockMvc http;

    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> IDENTITY.issuer().toString());
    }

    @ParameterizedTest
    @FieldSource("NAMES")
    void aProductNamedInAnyScriptIsStoredAndReturnedExactly(String name) throws Exception {
        String sku = "UNI-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\":\"" + name + "\",\"priceCents\":1250,\"currency\":\"EUR\",\"available\":5}";

        http.perform(put("/products/" + sku)
                        .header("Authorization", "Bearer " + IDENTITY.tokens().accessToken(DevTokens.OPERATOR))
                        .contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(name));

        http.perform(get("/products/" + sku)).andExpect(status().isOk()).andExpect(jsonPath("$.name").value(name));
        http.perform(get("/products"))
                .andExpect(jsonPath("$.products[?(@.sku == '" + sku + "')].name").value(contains(name)));
    }
}
