package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The in-process test server has no visibility store: an operator's search for one customer reads
 * that customer's order list, every other search is an honest 501 — never an empty or made-up
 * list. (Listing against a real server is proven by the real-stack suite.)
 */
class ListOrdersTest extends GatewayIntegrationTest {

    @Test
    void anOperatorsSearchOfAllCustomersOrByNeedsAttentionIs501WhenTheServerCannotListWorkflows() {
        String customer = newCustomer();
        place(customer, "tok_visa");

        for (String query : new String[] {"status=COMPLETED&pageSize=10", "pageSize=10",
                "customerId=" + customer + "&needsAttention=true"}) {
            ApiClient.Reply reply = api().get("/api/v1/orders?" + query);
            assertProblem(reply, 501, "order-listing-unavailable");
            assertThat(reply.body()).doesNotContain("\"orders\"");
        }
    }

    @Test
    void anOperatorFindsOneCustomersOrdersByStatusWhenTheServerCannotListWorkflows() {
        String customer = newCustomer();
        String completed = place(customer, "tok_visa");
        String declined = place(customer, "tok_declined");
        api().get("/api/v1/orders/" + completed + "?waitForTerminal=PT30S");
        api().get("/api/v1/orders/" + declined + "?waitForTerminal=PT30S");

        ApiClient.Reply reply = api().get("/api/v1/orders?customerId=" + customer + "&status=COMPLETED&pageSize=10");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(ids(reply.json())).containsExactly(completed);
        assertThat(reply.json().path("orders").get(0).path("customerId").asText()).isEqualTo(customer);
        assertThat(reply.json().path("orders").get(0).path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void anOperatorPagesThroughOneCustomersOrdersWhenTheServerCannotListWorkflows() {
        String customer = newCustomer();
        String older = place(customer, "tok_visa");
        String newer = place(customer, "tok_visa");

        JsonNode first = api().get("/api/v1/orders?customerId=" + customer + "&pageSize=1").json();
        String token = first.path("nextPageToken").asText();
        JsonNode second = api().get("/api/v1/orders?customerId=" + customer + "&pageSize=1&pageToken=" + token).json();

        assertThat(ids(first)).containsExactly(newer);
        assertThat(ids(second)).containsExactly(older);
        assertProblem(api().get("/api/v1/orders?customerId=" + newCustomer() + "&pageSize=1&pageToken=" + token),
                400, "validation");
    }

    @ParameterizedTest
    @CsvSource({
            "status=SHIPPED, status",
            "status=completed, status",
            "pageSize=0, pageSize",
            "pageSize=101, pageSize",
            "pageSize=ten, pageSize",
            "pageToken=***, pageToken",
            "customerId=, customerId"})
    void rejectsBadFiltersAndPagingWith400(String query, String field) {
        ApiClient.Reply reply = api().get("/api/v1/orders?" + query);

        assertProblem(reply, 400, "validation");
        assertThat(reply.errorFields()).containsExactly(field);
    }

    private String place(String customer, String paymentToken) {
        ApiClient.Reply reply = api().postJson("/api/v1/orders", OrderJson.valid(customer, paymentToken));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().path("orderId").asText();
    }

    private static String newCustomer() {
        return "cust-list-" + UUID.randomUUID();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("orders").forEach(order -> ids.add(order.path("orderId").asText()));
        return ids;
    }
}
