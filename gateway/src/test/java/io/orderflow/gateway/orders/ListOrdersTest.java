package io.orderflow.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.gateway.support.ApiClient;
import io.orderflow.gateway.support.GatewayIntegrationTest;
import io.orderflow.gateway.support.OrderJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The in-process test server has no visibility store, so the honest answer is 501 — never an
 * empty or made-up list. (Listing against a real server is proven by the real-stack suite.)
 */
class ListOrdersTest extends GatewayIntegrationTest {

    @Test
    void answers501WhenTheTemporalServerCannotListWorkflows() {
        api().postJson("/api/v1/orders", OrderJson.valid("cust-list", "tok_visa"));

        ApiClient.Reply reply = api().get("/api/v1/orders?customerId=cust-list&status=COMPLETED&pageSize=10");

        assertProblem(reply, 501, "order-listing-unavailable");
        assertThat(reply.body()).doesNotContain("\"orders\"");
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
}
