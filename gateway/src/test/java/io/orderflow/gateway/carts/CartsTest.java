package io.orderflow.gateway.carts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.FakeCatalogServer;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.identity.testing.DevTokens;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cart resource as a customer uses it, with real tokens, on the real cart and checkout workflows. */
class CartsTest extends GatewayIntegrationTest {

    private static final String CARTS = "/api/v1/carts";

    private ApiClient alice() {
        return as(DevTokens.ALICE);
    }

    private ApiClient bob() {
        return as(DevTokens.BOB);
    }

    @Test
    void aliceStartsAnEmptyOpenCartOfHerOwn() {
        ApiClient.Reply reply = alice().post(CARTS, "application/json", "");

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode cart = reply.json();
        assertThat(reply.header("Location")).isEqualTo(CARTS + "/" + cart.path("cartId").asText());
        assertThat(cart.path("customerId").asText()).isEqualTo("alice");
        assertThat(cart.path("status").asText()).isEqualTo("OPEN");
        assertThat(cart.path("lines").size()).isZero();
        assertThat(cart.path("subtotalCents").asLong()).isZero();
        assertThat(cart.path("orderId").isNull()).isTrue();
        assertThat(Instant.parse(cart.path("expiresAt").asText()))
                .isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        assertThat(alice().get(reply.header("Location")).json().path("cartId")).isEqualTo(cart.path("cartId"));
    }

    @Test
    void linesArePricedWithTheCatalogsNamesAndPrices() {
        String cart = newCart(alice());

        alice().putJson(lines(cart, "MUG-RED"), CartJson.quantity(2));
        ApiClient.Reply reply = alice().putJson(lines(cart, "TEA-GREEN"), CartJson.quantity(1));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("lines").get(0).path("sku").asText()).isEqualTo("MUG-RED");
        assertThat(body.path("lines").get(0).path("name").asText()).isEqualTo("Red mug");
        assertThat(body.path("lines").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(body.path("lines").get(0).path("unitPriceCents").asLong()).isEqualTo(1250);
        assertThat(body.path("lines").get(1).path("name").asText()).isEqualTo("Green tea");
        assertThat(body.path("subtotalCents").asLong()).isEqualTo(2 * 1250 + 450);
        assertThat(body.path("currency").asText()).isEqualTo("EUR");
        assertThat(alice().get(CARTS + "/" + cart).json()).isEqualTo(body);
    }

    @Test
    void quantityZeroAndDeleteBothRemoveALine() {
        String cart = newCart(alice());
        alice().putJson(lines(cart, "MUG-RED"), CartJson.quantity(2));
        alice().putJson(lines(cart, "TEA-GREEN"), CartJson.quantity(1));

        JsonNode afterZero = alice().putJson(lines(cart, "MUG-RED"), CartJson.quantity(0)).json();
        ApiClient.Reply afterDelete = alice().delete(lines(cart, "TEA-GREEN"));
        ApiClient.Reply deletingAgain = alice().delete(lines(cart, "TEA-GREEN"));

        assertThat(afterZero.path("lines").size()).isEqualTo(1);
        assertThat(afterDelete.status()).isEqualTo(200);
        assertThat(afterDelete.json().path("lines").size()).isZero();
        assertThat(deletingAgain.status()).as("removing a line the cart does not have changes nothing").isEqualTo(200);
    }

    @Test
    void anUnknownSkuIs422UnknownSkuAndChangesNothing() {
        String cart = newCart(alice());

        ApiClient.Reply reply = alice().putJson(lines(cart, "NO-SUCH-MUG"), CartJson.quantity(1));

        assertProblem(reply, 422, "unknown-sku");
        assertThat(alice().get(CARTS + "/" + cart).json().path("lines").size()).isZero();
    }

    @Test
    void theFiftyFirstLineIs422CartFull() {
        String cart = newCart(alice());
        for (int i = 1; i <= 50; i++) {
            assertThat(alice().putJson(lines(cart, FakeCatalogServer.BULK_PREFIX + i), CartJson.quantity(1)).status())
                    .isEqualTo(200);
        }

        ApiClient.Reply reply = alice().putJson(lines(cart, FakeCatalogServer.BULK_PREFIX + 51), CartJson.quantity(1));

        assertProblem(reply, 422, "cart-full");
        assertThat(alice().get(CARTS + "/" + cart).json().path("lines").size()).isEqualTo(50);
    }

    @Test
    void quantitiesOutsideZeroToAThousandAndBadSkusAre400() {
        String cart = newCart(alice());

        for (String body : new String[] {CartJson.quantity(1001), CartJson.quantity(-1), "{}", "{\"quantity\":\"two\"}"}) {
            ApiClient.Reply reply = alice().putJson(lines(cart, "MUG-RED"), body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertProblem(alice().putJson(lines(cart, "MUG.RED"), CartJson.quantity(1)), 400, "validation");
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        String cart = newCart(alice());

        assertProblem(alice().postJson(CARTS + "/" + cart + "/checkout", CartJson.checkout("tok_visa")), 422, "cart-empty");
    }

    @Test
    void checkoutPlacesTheOrderForTheCartsLinesAndTheOrderCompletes() {
        String cart = newCart(alice());
        alice().putJson(lines(cart, "MUG-RED"), CartJson.quantity(2));
        alice().putJson(lines(cart, "TEA-GREEN"), CartJson.quantity(1));

        ApiClient.Reply reply = alice().postJson(CARTS + "/" + cart + "/checkout", CartJson.checkout("tok_visa"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String orderId = reply.json().path("orderId").asText();
        assertThat(reply.header("Location")).isEqualTo("/api/v1/orders/" + orderId);
        assertThat(reply.json().path("customerId").asText()).isEqualTo("alice");
        JsonNode order = alice().get("/api/v1/orders/" + orderId + "?waitForTerminal=PT30S").json();
        assertThat(order.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(order.path("totalCents").asLong()).isEqualTo(2 * 1250 + 450);
        JsonNode checkedOut = alice().get(CARTS + "/" + cart).json();
        assertThat(checkedOut.path("status").asText()).isEqualTo("CHECKED_OUT");
        assertThat(checkedOut.path("orderId").asText()).isEqualTo(orderId);
    }

    @Test
    void aRepeatedCheckoutAnswersWithTheSameOrder() {
        String cart = newCart(alice());
        alice().putJson(lines(cart, "MUG-RED"), CartJson.quantity(1));

        ApiClient.Reply first = alice().postJson(CARTS + "/" + cart + "/checkout", CartJson.checkout("tok_visa"),
                "Idempotency-Key", "cart-checkout-1");
        ApiClient.Reply again = alice().postJson(CARTS + "/" + cart + "/checkout", CartJson.checkout("tok_visa"),
                "Idempotency-Key", "cart-checkout-1");
        ApiClient.Reply withoutKey = alice().postJson(CARTS + "/" + cart + "/checkout", CartJson.checkout("tok_visa"));

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("orderId")).isEqualTo(first.json().path("orderId"));
        assertThat(withoutKey.json().path("orderId")).isEqualTo(first.json().path("orderId"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void aCheckedOutCartRefusesChangesAndAnotherCheckoutWith409() {
        String cart = newCart(alice());
        alice().putJson(lines(cart, "MUG-RED"), CartJson.quantity(1));
        alice().postJson(CARTS + "/" + cart + "/checkout", CartJson.checkout("tok_visa"));

        assertProblem(alice().putJson(lines(cart, "TEA-GREEN"), CartJson.quantity(1)), 409, "cart-not-open");
        assertProblem(alice().delete(lines(cart, "MUG-RED")), 409, "cart-not-open");
        assertProblem(alice().postJson(CARTS + "/" + cart + "/checkout", CartJson.checkout("tok_mastercard")),
                409, "cart-not-open");
    }

    @Test
    void bobCannotSeeOrChangeAlicesCart() {
        String cart = newCart(alice());
        alice().putJson(lines(cart, "MUG-RED"), CartJson.quantity(1));

        assertProblem(bob().get(CARTS + "/" + cart), 404, "cart-not-found");
        assertProblem(bob().putJson(lines(cart, "TEA-GREEN"), CartJson.quantity(1)), 404, "cart-not-found");
        assertProblem(bob().delete(lines(cart, "MUG-RED")), 404, "cart-not-found");
        assertProblem(bob().postJson(CARTS + "/" + cart + "/checkout", CartJson.checkout("tok_visa")), 404,
                "cart-not-found");
        assertThat(alice().get(CARTS + "/" + cart).json().path("lines").size()).isEqualTo(1);
    }

    @Test
    void anOperatorMayReadAnyCart() {
        String cart = newCart(alice());

        ApiClient.Reply reply = api().get(CARTS + "/" + cart);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("customerId").asText()).isEqualTo("alice");
    }

    @Test
    void unknownAndImpossibleCartIdsAre404() {
        assertProblem(alice().get(CARTS + "/no-such-cart"), 404, "cart-not-found");
        assertProblem(alice().get(CARTS + "/" + "x".repeat(65)), 404, "cart-not-found");
    }

    @Test
    void readingNeedsOrdersReadAndChangingNeedsOrdersWrite() {
        String cart = newCart(alice());
        ApiClient readOnly = as(DevTokens.ALICE.withScopes("orders:read"));

        assertThat(readOnly.get(CARTS + "/" + cart).status()).isEqualTo(200);
        assertProblem(readOnly.putJson(lines(cart, "MUG-RED"), CartJson.quantity(1)), 403, "forbidden");
        assertProblem(readOnly.post(CARTS, "application/json", ""), 403, "forbidden");
        assertProblem(anonymous().get(CARTS + "/" + cart), 401, "unauthorized");
    }

    private static String newCart(ApiClient client) {
        ApiClient.Reply reply = client.post(CARTS, "application/json", "");
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("cartId").asText();
    }

    private static String lines(String cartId, String sku) {
        return CARTS + "/" + cartId + "/lines/" + sku;
    }
}
