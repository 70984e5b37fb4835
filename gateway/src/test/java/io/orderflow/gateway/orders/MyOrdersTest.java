package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import io.orderflow.identity.testing.DevTokens;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "My orders" on the in-process test server, which has no visibility store: a customer's own list
 * comes from their order list workflow, so it works here exactly as on a real server.
 */
class MyOrdersTest extends GatewayIntegrationTest {

    private static final String ADDRESS = "{\"name\":\"Ada Lovelace\",\"line1\":\"12 Main St\",\"city\":\"London\","
            + "\"postalCode\":\"N1 9GU\",\"country\":\"GB\"}";

    @Test
    void aliceSeesHerOrdersNewestFirstWhetherPlacedDirectlyOrFromACartAndBobSeesNoneOfThem() {
        String direct = place(alice(), null);
        String fromCart = checkOutACart(alice());

        JsonNode page = alice().get("/api/v1/orders?pageSize=2").json();

        assertThat(ids(page)).containsExactly(fromCart, direct);
        assertThat(page.path("orders").get(0).path("customerId").asText()).isEqualTo("alice");
        assertThat(page.path("orders").get(0).path("startedAt").asText()).isNotBlank();
        assertThat(ids(bob().get("/api/v1/orders?pageSize=100").json())).doesNotContain(direct, fromCart);
    }

    @Test
    void anOrderIsListedTheMomentItIsAcceptedAndARetriedOneOnce() {
        String first = place(alice(), "my-orders-retry");
        String retried = place(alice(), "my-orders-retry");

        JsonNode page = alice().get("/api/v1/orders?pageSize=2").json();

        assertThat(retried).isEqualTo(first);
        assertThat(ids(page).get(0)).isEqualTo(first);
        assertThat(ids(page).get(1)).isNotEqualTo(first);
    }

    @Test
    void pagesGoOnWithASealedTokenThatNobodyElseCanUse() {
        String older = place(alice(), null);
        String newer = place(alice(), null);

        JsonNode first = alice().get("/api/v1/orders?pageSize=1").json();
        String token = first.path("nextPageToken").asText();
        JsonNode second = alice().get("/api/v1/orders?pageSize=1&pageToken=" + token).json();

        assertThat(ids(first)).containsExactly(newer);
        assertThat(ids(second)).containsExactly(older);
        assertProblem(bob().get("/api/v1/orders?pageSize=1&pageToken=" + token), 400, "validation");
        assertProblem(alice().get("/api/v1/orders?pageSize=1&status=COMPLETED&pageToken=" + token), 400, "validation");
        String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
        assertProblem(alice().get("/api/v1/orders?pageSize=1&pageToken=" + tampered), 400, "validation");
    }

    @Test
    void aStatusFilterKeepsOnlyOrdersInThatStatus() {
        String completed = place(alice(), null);
        alice().get("/api/v1/orders/" + completed + "?waitForTerminal=PT30S");
        String declined = place(alice(), null, "tok_declined");
        alice().get("/api/v1/orders/" + declined + "?waitForTerminal=PT30S");

        List<String> completedOnes = ids(alice().get("/api/v1/orders?status=COMPLETED&pageSize=100").json());
        List<String> failedOnes = ids(alice().get("/api/v1/orders?status=FAILED&pageSize=100").json());

        assertThat(completedOnes).contains(completed).doesNotContain(declined);
        assertThat(failedOnes).contains(declined).doesNotContain(completed);
    }

    @Test
    void namingHerselfIsTheSameListAndNamingSomeoneElseIs403() {
        String mine = place(alice(), null);

        assertThat(ids(alice().get("/api/v1/orders?customerId=alice&pageSize=1").json())).containsExactly(mine);
        assertProblem(alice().get("/api/v1/orders?customerId=bob"), 403, "forbidden");
    }

    private ApiClient alice() {
        return as(DevTokens.ALICE);
    }

    private ApiClient bob() {
        return as(DevTokens.BOB);
    }

    private static String place(ApiClient client, String idempotencyKey) {
        return place(client, idempotencyKey, "tok_visa");
    }

    private static String place(ApiClient client, String idempotencyKey, String token) {
        ApiClient.Reply reply = idempotencyKey == null
                ? client.postJson("/api/v1/orders", OrderJson.with(null, token, order -> order.remove("customerId")))
                : client.postJson("/api/v1/orders", OrderJson.with(null, token, order -> order.remove("customerId")),
                        "Idempotency-Key", idempotencyKey);
        assertThat(reply.status()).as(reply.body()).isIn(200, 202);
        return reply.json().path("orderId").asText();
    }

    private static String checkOutACart(ApiClient client) {
        String cart = client.post("/api/v1/carts", "application/json", "").json().path("cartId").asText();
        client.putJson("/api/v1/carts/" + cart + "/lines/MUG-RED", "{\"quantity\":1}");
        ApiClient.Reply reply = client.postJson("/api/v1/carts/" + cart + "/checkout",
                "{\"payment\":{\"token\":\"tok_visa\"},\"shippingAddress\":" + ADDRESS + "}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().path("orderId").asText();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("orders").forEach(order -> ids.add(order.path("orderId").asText()));
        return ids;
    }
}
