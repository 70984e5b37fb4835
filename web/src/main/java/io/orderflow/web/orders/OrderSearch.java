package io.orderflow.web.orders;

/**
 * A filter of {@code GET /orders}; every member may be empty (no filter on it).
 *
 * @param needsAttention "true" for only the orders an operator must look at
 */
public record OrderSearch(String customerId, String status, String needsAttention, String pageToken) {

    public static OrderSearch mine(String pageToken) {
        return new OrderSearch(null, null, null, pageToken);
    }
}
