package io.orderflow.gateway.carts;

import static org.awaitility.Awaitility.await;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.identity.testing.DevTokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With a two-second idle time (its own gateway), a cart left alone expires: 410 to read, 409 to change. */
@TestPropertySource(properties = "orderflow.gateway.carts.idle-expiry=PT2S")
class CartExpiryTest extends GatewayIntegrationTest {

    @Test
    void aCartLeftAloneExpiresAndIsThen410ToReadAnd409ToChange() {
        ApiClient alice = as(DevTokens.ALICE);
        String cart = alice.post("/api/v1/carts", "application/json", "").json().path("cartId").asText();
        alice.putJson("/api/v1/carts/" + cart + "/lines/MUG-RED", CartJson.quantity(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> alice.get("/api/v1/carts/" + cart).status() == 410);

        assertProblem(alice.get("/api/v1/carts/" + cart), 410, "cart-expired");
        assertProblem(alice.putJson("/api/v1/carts/" + cart + "/lines/TEA-GREEN", CartJson.quantity(1)), 409,
                "cart-not-open");
        assertProblem(alice.postJson("/api/v1/carts/" + cart + "/checkout", CartJson.checkout("tok_visa")), 409,
                "cart-not-open");
    }
}
