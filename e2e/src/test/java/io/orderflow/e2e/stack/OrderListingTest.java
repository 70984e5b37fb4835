package io.orderflow.e2e.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderflow.e2e.OrderflowClient;
import io.orderflow.e2e.OrderflowClient.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/orders} on the real server: Temporal visibility by customer and status, paged. */
class OrderListingTest {

    private static final OrderflowClient CLIENT = RealStack.client();
    /** Visibility is eventually consistent: a list may lag the order's last status by a moment. */
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(30);

    private static String customer;
    private static List<String> completed;
    private static List<String> declined;

    @BeforeAll
    static void placeOrdersForOneCustomer() {
        RealStack.assertUp();
        customer = "cust-list-" + UUID.randomUUID().toString().substring(0, 8);
        String sku = "LIST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(CLIENT.putProduct(sku, "Listed mug", 1250, "EUR", 10).status()).isEqualTo(200);
        completed = new ArrayList<>();
        declined = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            completed.add(CLIENT.placeOrder(OrderflowClient.order(customer, sku, 1, "tok_visa", "GB"), null).text("orderId"));
        }
        for (int i = 0; i < 2; i++) {
            declined.add(CLIENT.placeOrder(OrderflowClient.order(customer, sku, 1, "tok_declined", "GB"), null).text("orderId"));
        }
        completed.forEach(id -> assertThat(CLIENT.awaitTerminal(id, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("COMPLETED"));
        declined.forEach(id -> assertThat(CLIENT.awaitTerminal(id, Duration.ofSeconds(90)).path("status").asText()).isEqualTo("FAILED"));
    }

    @Test
    void listsEveryOrderOfACustomerAcrossPagesOfTwo() {
        List<String> all = new ArrayList<>(completed);
        all.addAll(declined);

        Awaitility.await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            List<JsonNode> pages = new ArrayList<>();
            String token = null;
            do {
                Response page = CLIENT.listOrders("customerId=" + customer + "&pageSize=2"
                        + (token == null ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
                assertThat(page.status()).as("list: %s", page.body()).isEqualTo(200);
                pages.add(page.body());
                token = page.text("nextPageToken");
            } while (token != null && pages.size() < 10);

            assertThat(pages).as("five orders in pages of two").hasSizeGreaterThanOrEqualTo(3);
            pages.forEach(page -> assertThat(page.path("orders").size()).isLessThanOrEqualTo(2));
            List<String> listed = pages.stream().flatMap(page -> StreamSupport.stream(page.path("orders").spliterator(), false))
                    .map(order -> order.path("orderId").asText()).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(all);
        });
    }

    @Test
    void filtersACustomersOrdersByStatus() {
        Awaitility.await().atMost(VISIBLE_WITHIN).untilAsserted(() -> {
            Map<String, JsonNode> completedListed = listed("customerId=" + customer + "&status=COMPLETED");
            Map<String, JsonNode> failedListed = listed("customerId=" + customer + "&status=FAILED");

            assertThat(completedListed.keySet()).containsExactlyInAnyOrderElementsOf(completed);
            assertThat(failedListed.keySet()).containsExactlyInAnyOrderElementsOf(declined);
            completedListed.values().forEach(order -> {
                assertThat(order.path("customerId").asText()).isEqualTo(customer);
                assertThat(order.path("status").asText()).isEqualTo("COMPLETED");
                assertThat(order.path("totalCents").asLong()).as("total of %s", order).isEqualTo(1250);
            });
        });
    }

    @Test
    void aCustomerWithoutOrdersGetsAnEmptyList() {
        Map<String, JsonNode> none = listed("customerId=cust-nobody-" + UUID.randomUUID().toString().substring(0, 8));

        assertThat(none).isEmpty();
    }

    private static Map<String, JsonNode> listed(String query) {
        Response page = CLIENT.listOrders(query + "&pageSize=50");
        assertThat(page.status()).as("list %s: %s", query, page.body()).isEqualTo(200);
        assertThat(page.text("nextPageToken")).isNull();
        return StreamSupport.stream(page.body().path("orders").spliterator(), false)
                .collect(Collectors.toMap(order -> order.path("orderId").asText(), order -> order));
    }
}
