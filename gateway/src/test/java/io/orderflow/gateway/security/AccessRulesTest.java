package io.orderflow.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.checkout.OrderSearchAttributes;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.CheckoutTestWorker;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import io.orderflow.identity.testing.DevIdentityProvider;
import io.orderflow.identity.testing.DevTokens;
import io.temporal.client.WorkflowClient;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may do what (the identity and access rules of the REST contract), with real tokens from the
 * real dev identity provider: alice and bob are customers, the operator is an operator.
 */
class AccessRulesTest extends GatewayIntegrationTest {

    private static final String ALICES_ORDER_BODY = OrderJson.with(null, CheckoutTestWorker.HOLD,
            order -> order.remove("customerId"));

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/orders",
            "GET, /api/v1/orders/some-order",
            "GET, /api/v1/orders/some-order?waitForTerminal=PT1S",
            "POST, /api/v1/orders/some-order/cancel",
            "GET, /api/v1/orders",
            "POST, /api/v1/orders/some-order/resolve",
            "POST, /api/v1/orders/some-order/retry-compensation",
            "PUT, /api/v1/products/TEA-9",
            "POST, /api/v1/carts",
            "GET, /api/v1/carts/some-cart",
            "PUT, /api/v1/carts/some-cart/lines/MUG-RED",
            "DELETE, /api/v1/carts/some-cart/lines/MUG-RED",
            "POST, /api/v1/carts/some-cart/checkout",
            "GET, /api/v1/platform/load"})
    void everyProtectedEndpointAnswers401WithABearerChallengeWithoutAToken(String method, String path) {
        ApiClient.Reply reply = send(anonymous(), method, path);

        assertProblem(reply, 401, "unauthorized");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void theCatalogIsPublicToRead() {
        assertThat(anonymous().get("/api/v1/products").status()).isEqualTo(200);
        assertThat(anonymous().get("/api/v1/products/MUG-RED").status()).isEqualTo(200);
    }

    @Test
    void aCustomerCannotChangeTheCatalog() {
        int writesBefore = CATALOG.writeTokens().size();

        ApiClient.Reply reply = as(DevTokens.ALICE).putJson("/api/v1/products/TEA-9", product());

        assertProblem(reply, 403, "forbidden");
        assertThat(reply.header("WWW-Authenticate")).contains("insufficient_scope");
        assertThat(CATALOG.writeTokens()).hasSize(writesBefore);
    }

    @Test
    void theOperatorChangesTheCatalogAndTheStockServiceGetsTheOperatorsOwnToken() {
        String token = TOKENS.accessToken(DevTokens.OPERATOR);

        ApiClient.Reply reply = withToken(token).putJson("/api/v1/products/TEA-10", product());

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(CATALOG.writeTokens()).last().isEqualTo(token);
    }

    @Test
    void aTokenWithoutOrdersWriteCannotPlaceOrCancel() {
        ApiClient readOnly = as(DevTokens.ALICE.withScopes("orders:read"));

        assertProblem(readOnly.postJson("/api/v1/orders", ALICES_ORDER_BODY), 403, "forbidden");
        assertProblem(readOnly.postJson("/api/v1/orders/any/cancel", "{}"), 403, "forbidden");
    }

    @Test
    void anOrderBelongsToTheTokensSubject(@Autowired WorkflowClient client) {
        ApiClient.Reply placed = as(DevTokens.ALICE).postJson("/api/v1/orders", ALICES_ORDER_BODY);

        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        assertThat(placed.json().path("customerId").asText()).isEqualTo("alice");
        String orderId = placed.json().path("orderId").asText();
        assertThat(client.newUntypedWorkflowStub("order-" + orderId).describe().getTypedSearchAttributes()
                .get(OrderSearchAttributes.CUSTOMER_ID)).isEqualTo("alice");
    }

    @Test
    void anOrdersSearchAttributesNameItsOwnerBySubjectAndNoOtherPersonalData(@Autowired WorkflowClient client) {
        String orderId = alicesHeldOrder();

        SearchAttributes attributes = client.newUntypedWorkflowStub("order-" + orderId).describe()
                .getTypedSearchAttributes();

        assertThat(attributes.get(OrderSearchAttributes.CUSTOMER_ID)).isEqualTo("alice");
        assertThat(attributes.getUntypedValues().keySet()).extracting(SearchAttributeKey::getName)
                .isSubsetOf(OrderSearchAttributes.ALL.stream().map(SearchAttributeKey::getName).toList());
        // What alice told the shop about herself stays in the (encrypted) workflow input, never in
        // the index that every Web UI user and every list query can read.
        assertThat(attributes.getUntypedValues().values()).extracting(String::valueOf)
                .noneMatch(value -> value.contains("Ada Lovelace") || value.contains("12 Main St")
                        || value.contains("N1 9GU") || value.contains(CheckoutTestWorker.HOLD));
    }

    @Test
    void aliceMayNameHerselfButNotBobAsTheCustomer() {
        ApiClient alice = as(DevTokens.ALICE);

        assertThat(alice.postJson("/api/v1/orders", OrderJson.valid("alice", "tok_visa")).status()).isEqualTo(202);
        assertProblem(alice.postJson("/api/v1/orders", OrderJson.valid("bob", "tok_visa")), 403, "forbidden");
    }

    @Test
    void bobCannotReadWaitOnOrCancelAlicesOrder() {
        String orderId = alicesHeldOrder();
        ApiClient bob = as(DevTokens.BOB);

        assertProblem(bob.get("/api/v1/orders/" + orderId), 404, "order-not-found");
        assertProblem(bob.get("/api/v1/orders/" + orderId + "?waitForTerminal=PT2S"), 404, "order-not-found");
        assertProblem(bob.postJson("/api/v1/orders/" + orderId + "/cancel", "{}"), 404, "order-not-found");

        ApiClient.Reply stillAlices = as(DevTokens.ALICE).get("/api/v1/orders/" + orderId);
        assertThat(stillAlices.json().path("status").asText()).isEqualTo("CHARGING_PAYMENT");
        assertThat(stillAlices.json().path("failure").isNull()).isTrue();
    }

    @Test
    void someoneElsesOrderLooksExactlyLikeOneThatDoesNotExist() {
        String orderId = alicesHeldOrder();

        ApiClient.Reply foreign = as(DevTokens.BOB).get("/api/v1/orders/" + orderId);
        ApiClient.Reply missing = as(DevTokens.BOB).get("/api/v1/orders/" + UUID.randomUUID());

        assertThat(foreign.status()).isEqualTo(missing.status());
        assertThat(foreign.json().path("type")).isEqualTo(missing.json().path("type"));
        assertThat(foreign.json().path("title")).isEqualTo(missing.json().path("title"));
    }

    @Test
    void aliceCannotListBobsOrders() {
        assertProblem(as(DevTokens.ALICE).get("/api/v1/orders?customerId=bob"), 403, "forbidden");
    }

    @Test
    void theOperatorCanReadWaitOnAndCancelAlicesOrder() {
        String orderId = alicesHeldOrder();
        ApiClient operator = as(DevTokens.OPERATOR);

        assertThat(operator.get("/api/v1/orders/" + orderId).json().path("customerId").asText()).isEqualTo("alice");
        assertThat(operator.get("/api/v1/orders/" + orderId + "?waitForTerminal=PT1S").status()).isEqualTo(200);
        ApiClient.Reply cancelled = operator.postJson("/api/v1/orders/" + orderId + "/cancel", "{\"reason\":\"fraud check\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        CheckoutTestWorker.HELD_CHARGES.of(orderId).open();
        assertThat(as(DevTokens.ALICE).get("/api/v1/orders/" + orderId + "?waitForTerminal=PT10S")
                .json().path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void theOperatorMayPlaceAnOrderForACustomer() {
        ApiClient.Reply placed = as(DevTokens.OPERATOR).postJson("/api/v1/orders", OrderJson.valid("bob", "tok_visa"));

        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String orderId = placed.json().path("orderId").asText();
        assertThat(as(DevTokens.BOB).get("/api/v1/orders/" + orderId).json().path("customerId").asText()).isEqualTo("bob");
    }

    @Test
    void theSameIdempotencyKeyFromAliceAndBobMakesTwoOrders() {
        String key = "shared-" + UUID.randomUUID();
        String body = OrderJson.with(null, "tok_visa", order -> order.remove("customerId"));

        ApiClient.Reply alices = as(DevTokens.ALICE).postJson("/api/v1/orders", body, "Idempotency-Key", key);
        ApiClient.Reply bobs = as(DevTokens.BOB).postJson("/api/v1/orders", body, "Idempotency-Key", key);
        ApiClient.Reply alicesAgain = as(DevTokens.ALICE).postJson("/api/v1/orders", body, "Idempotency-Key", key);

        assertThat(alices.status()).isEqualTo(202);
        assertThat(bobs.status()).as(bobs.body()).isEqualTo(202);
        assertThat(bobs.json().path("orderId").asText()).isNotEqualTo(alices.json().path("orderId").asText());
        assertThat(bobs.json().path("customerId").asText()).isEqualTo("bob");
        assertThat(alicesAgain.status()).isEqualTo(200);
        assertThat(alicesAgain.json().path("orderId").asText()).isEqualTo(alices.json().path("orderId").asText());
    }

    @Test
    void anExpiredTokenIs401() {
        String token = TOKENS.freshAccessToken(DevIdentityProvider.SHORT_LIVED);
        assertThat(withToken(token).get("/api/v1/orders/" + UUID.randomUUID()).status())
                .as("still valid").isEqualTo(404);

        // The token lives three seconds (long enough to be used once on a busy machine); the
        // gateway allows no skew in this test.
        ApiClient.Reply reply = await("the three-second token expires").dontCatchUncaughtExceptions()
                .atMost(Duration.ofSeconds(8))
                .until(() -> withToken(token).get("/api/v1/orders/" + UUID.randomUUID()),
                        answer -> answer.status() != 404);
        assertProblem(reply, 401, "unauthorized");
        assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401EvenWithTheRightIssuer() {
        try (DevIdentityProvider impostor = DevIdentityProvider.start(DevIdentityProvider.freePort(), IDENTITY.issuer())) {
            String forged = impostor.tokens().freshAccessToken(DevTokens.OPERATOR);

            assertProblem(withToken(forged).get("/api/v1/orders/" + UUID.randomUUID()), 401, "unauthorized");
        }
    }

    @Test
    void aTokenWhoseClaimsWereEditedIs401() {
        String[] parts = TOKENS.freshAccessToken(DevTokens.BOB).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"sub\":\"bob\"", "\"sub\":\"alice\"");
        String edited = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertProblem(withToken(edited).get("/api/v1/orders/" + alicesHeldOrder()), 401, "unauthorized");
    }

    @Test
    void garbageInTheAuthorizationHeaderIs401() {
        assertProblem(withToken("not-a-jwt").get("/api/v1/orders"), 401, "unauthorized");
    }

    private String alicesHeldOrder() {
        ApiClient.Reply placed = as(DevTokens.ALICE).postJson("/api/v1/orders", ALICES_ORDER_BODY);
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        String orderId = placed.json().path("orderId").asText();
        CheckoutTestWorker.HELD_CHARGES.of(orderId).awaitArrival();
        assertThat(as(DevTokens.ALICE).get("/api/v1/orders/" + orderId).json().path("status").asText())
                .isEqualTo("CHARGING_PAYMENT");
        return orderId;
    }

    private static String product() {
        return "{\"name\":\"Green tea\",\"priceCents\":499,\"currency\":\"EUR\",\"available\":5}";
    }

    private static ApiClient.Reply send(ApiClient client, String method, String path) {
        return switch (method) {
            case "GET" -> client.get(path);
            case "POST" -> client.postJson(path, "{}");
            case "PUT" -> client.putJson(path, product());
            case "DELETE" -> client.delete(path);
            default -> throw new IllegalArgumentException(method);
        };
    }
}
