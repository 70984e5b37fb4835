package io.orderflow.web.orders;

import java.util.HashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** Orders through the gateway: {@code /api/v1/orders}, as the logged-in person. */
@Component
public class OrdersClient {

    static final int PAGE_SIZE = 20;

    private final RestClient gateway;

    OrdersClient(RestClient gatewayClient) {
        this.gateway = gatewayClient;
    }

    public OrderView order(String orderId) {
        return gateway.get().uri("/api/v1/orders/{orderId}", orderId).retrieve().body(OrderView.class);
    }

    public OrderView cancel(String orderId, String reason) {
        return gateway.post().uri("/api/v1/orders/{orderId}/cancel", orderId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", reason))
                .retrieve()
                .body(OrderView.class);
    }

    /** Customers get their own orders; operators any, filtered. */
    public OrderPage list(OrderSearch search) {
        return gateway.get().uri(uri -> {
            UriBuilder query = uri.path("/api/v1/orders").queryParam("pageSize", PAGE_SIZE);
            // Values go in as template variables, so each is encoded whole (page tokens hold + and /).
            Map<String, String> values = new HashMap<>();
            optional(query, values, "customerId", search.customerId());
            optional(query, values, "status", search.status());
            optional(query, values, "needsAttention", search.needsAttention());
            optional(query, values, "pageToken", search.pageToken());
            return query.build(values);
        }).retrieve().body(OrderPage.class);
    }

    private static void optional(UriBuilder query, Map<String, String> values, String name, String value) {
        if (StringUtils.hasText(value)) {
            query.queryParam(name, "{" + name + "}");
            values.put(name, value.strip());
        }
    }
}
