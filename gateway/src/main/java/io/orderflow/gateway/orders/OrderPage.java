package io.orderflow.gateway.orders;

import java.util.List;

/** A page of orders; {@code nextPageToken} is {@code null} on the last page. */
public record OrderPage(List<OrderSummary> orders, String nextPageToken) {
}
