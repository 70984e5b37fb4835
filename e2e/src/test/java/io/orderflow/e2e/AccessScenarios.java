package io.orderflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.e2e.OrderflowClient.Response;
import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may do what, end to end: tokens come from the platform's own dev identity provider the way
 * the README shows (client credentials), and every check crosses the real gateway, the real
 * workflow and, for catalog writes, the stock service's own check.
 */
public abstract class AccessScenarios {

    protected static final Duration TERMINAL_WITHIN = Duration.ofSeconds(90);

    /** The API as the operator. */
    protected abstract OrderflowClient client();

    protected abstract DevTokens tokens();

    /** The issuer the gateway trusts. */
    protected abstract URI issuer();

    private OrderflowClient as(DevTokens.DevClient who) {
        return client().as(() -> tokens().accessToken(who));
    }

    private String freshSku() {
        String sku = "ACL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(client().putProduct(sku, "Access mug", 1250, "EUR", 10).status()).isEqualTo(200);
        return sku;
    }

    @Test
    void withoutATokenOnlyTheCatalogCanBeRead() {
        OrderflowClient anonymous = client().as(null);
        String sku = freshSku();

        assertThat(anonymous.getProduct(sku).status()).isEqualTo(200);
        Response place = anonymous.placeOrder(OrderflowClient.order(null, sku, 1, "tok_visa", "GB"), null);
        assertThat(place.status()).isEqualTo(401);
        assertThat(place.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(place.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.getOrder(UUID.randomUUID().toString()).status()).isEqualTo(401);
        assertThat(anonymous.cancel(UUID.randomUUID().toString(), "x").status()).isEqualTo(401);
        assertThat(anonymous.listOrders("pageSize=1").status()).isEqualTo(401);
        assertThat(anonymous.putProduct(sku, "Free mug", 0, "EUR", 999).status()).isEqualTo(401);
    }

    @Test
    void aCustomerCannotChangeAPrice() {
        String sku = freshSku();

        Response put = as(DevTokens.ALICE).putProduct(sku, "Free mug", 0, "EUR", 999);

        assertThat(put.status()).isEqualTo(403);
        assertThat(client().getProduct(sku).body().path("priceCents").asLong()).isEqualTo(1250);
    }

    @Test
    void bobCannotSeeWaitOnOrCancelAlicesOrder() {
        String sku = freshSku();
        OrderflowClient alice = as(DevTokens.ALICE);
        OrderflowClient bob = as(DevTokens.BOB);
        Response placed = alice.placeOrder(OrderflowClient.order(null, sku, 1, "tok_slow", "GB"), null);
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(202);
        String orderId = placed.text("orderId");
        assertThat(placed.text("customerId")).isEqualTo("alice");

        assertThat(bob.getOrder(orderId).status()).isEqualTo(404);
        assertThat(bob.getOrder(orderId + "?waitForTerminal=PT2S").status()).isEqualTo(404);
        assertThat(bob.cancel(orderId, "not mine").status()).isEqualTo(404);
        assertThat(bob.listOrders("customerId=alice").status()).isEqualTo(403);
        Response bobsList = bob.listOrders("pageSize=100");
        assertThat(bobsList.status()).isEqualTo(200);
        assertThat(bobsList.body().path("orders").findValuesAsText("orderId")).doesNotContain(orderId);
        assertThat(alice.listOrders("pageSize=100").body().path("orders").findValuesAsText("orderId"))
                .as("alice's own list has it").contains(orderId);

        assertThat(alice.awaitTerminal(orderId, TERMINAL_WITHIN).path("status").asText())
                .as("bob's cancel had no effect").isEqualTo("COMPLETED");
        assertThat(client().getOrder(orderId).text("customerId")).as("the operator sees every order").isEqualTo("alice");
    }

    @Test
    void aliceCannotPlaceAnOrderInBobsName() {
        Response placed = as(DevTokens.ALICE).placeOrder(OrderflowClient.order("bob", freshSku(), 1, "tok_visa", "GB"), null);

        assertThat(placed.status()).isEqualTo(403);
    }

    @Test
    void theSameIdempotencyKeyFromAliceAndBobMakesTwoOrders() {
        String sku = freshSku();
        String key = "shared-" + UUID.randomUUID();

        Response alices = as(DevTokens.ALICE).placeOrder(OrderflowClient.order(null, sku, 1, "tok_visa", "GB"), key);
        Response bobs = as(DevTokens.BOB).placeOrder(OrderflowClient.order(null, sku, 1, "tok_visa", "GB"), key);

        assertThat(alices.status()).isEqualTo(202);
        assertThat(bobs.status()).isEqualTo(202);
        assertThat(bobs.text("orderId")).isNotEqualTo(alices.text("orderId"));
        assertThat(as(DevTokens.BOB).awaitTerminal(bobs.text("orderId"), TERMINAL_WITHIN).path("customerId").asText())
                .isEqualTo("bob");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedEvenWithTheRightIssuer() {
        try (DevIdentityProvider impostor = DevIdentityProvider.start(DevIdentityProvider.freePort(), issuer())) {
            String forged = impostor.tokens().freshAccessToken(DevTokens.OPERATOR);

            Response refused = client().withToken(forged).listOrders("pageSize=1");

            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    @Test
    void aTokenWithEditedClaimsIsRefused() {
        String[] parts = tokens().freshAccessToken(DevTokens.BOB).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"bob\"", "\"sub\":\"operator\"");
        String edited = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(client().withToken(edited).listOrders("pageSize=1").status()).isEqualTo(401);
    }
}
